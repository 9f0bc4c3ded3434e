using System.Diagnostics;
using Docker.DotNet;
using Docker.DotNet.Models;
using WinePipeline.Orchestrator.Cli;
using WinePipeline.Orchestrator.Execution.Docker.Internal;
using WinePipeline.Orchestrator.Pipeline;

namespace WinePipeline.Orchestrator.SwarmTests.Fixtures;

/// <summary>
/// The wine pipeline on the test swarm: its step images (built by ./build-task-images.sh 0.1) loaded
/// on every node, the manager drained so that every task runs on a worker that may be killed, and
/// one undisturbed run to compare with. Created after the swarm collection's fixture.
/// </summary>
public sealed class WinePipelineFixture : IAsyncLifetime
{
    public const string DatasetUrl = "sample://wine-reviews?rows=2000&seed=42";

    private readonly List<string> dataRoots = [];
    private readonly DockerClient manager = DockerEndpoint.CreateClient(TestSwarm.ManagerEngine);

    /// <summary>The data root of the undisturbed run.</summary>
    public string Reference { get; private set; } = "";

    /// <summary>How long the undisturbed run of all eight tasks took on the swarm.</summary>
    public TimeSpan ReferenceDuration { get; private set; }

    public async Task InitializeAsync()
    {
        await LoadImagesAsync();
        await SetManagerAvailabilityAsync("drain");
        Reference = NewDataRoot();
        var clock = Stopwatch.StartNew();
        var (exitCode, output) = await RunAsync(Reference);
        ReferenceDuration = clock.Elapsed;
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"the undisturbed run on the swarm failed:\n{output}");
        }
    }

    public async Task DisposeAsync()
    {
        await SetManagerAvailabilityAsync("active");
        manager.Dispose();
        foreach (var dataRoot in dataRoots)
        {
            Directory.Delete(dataRoot, recursive: true);
        }
    }

    public string NewDataRoot()
    {
        var dataRoot = Directory.CreateTempSubdirectory("wine-swarm-pipeline-").FullName;
        dataRoots.Add(dataRoot);
        return dataRoot;
    }

    /// <summary>Runs the pipeline in this process on the swarm; returns its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string dataRoot)
    {
        var output = new StringWriter();
        var environment = new CliEnvironment(TextWriter.Synchronized(output), TextWriter.Synchronized(output), TimeProvider.System) { GetVariable = _ => null };
        var exitCode = await new CliApp(environment).RunAsync(Arguments(dataRoot), CancellationToken.None);
        return (exitCode, output.ToString());
    }

    public static string[] Arguments(string dataRoot) =>
    [
        "run", "--executor", "swarm", "--docker-host", TestSwarm.ManagerEngine.OriginalString, "--node-docker-host", TestSwarm.NodeEngineTemplate,
        "--data-root", dataRoot, "--dataset-url", DatasetUrl,
    ];

    public static string Metrics(string dataRoot) => File.ReadAllText(Path.Combine(dataRoot, "output", "metrics.json"));

    /// <summary>`docker save | docker load` from the main engine onto every node that lacks an image or holds another build of it.</summary>
    private static async Task LoadImagesAsync()
    {
        var images = Pipeline.WinePipeline.Tasks(PipelineParameters.Default).Select(task => task.Image).Distinct().ToArray();
        using var main = DockerEndpoint.CreateClient(DockerEndpoint.Resolve(null));
        var wanted = new Dictionary<string, string>();
        foreach (var image in images)
        {
            wanted[image] = await ImageIdAsync(main, image)
                ?? throw new InvalidOperationException($"image {image} is not on the main engine; build it with ./build-task-images.sh {PipelineParameters.Default.ImageVersion}");
        }

        foreach (var node in TestSwarm.Nodes)
        {
            using var engine = DockerEndpoint.CreateClient(TestSwarm.NodeEngine(node));
            foreach (var (image, id) in wanted)
            {
                if (await ImageIdAsync(engine, image) != id)
                {
                    await TestSwarm.RunScriptAsync("swarm-load-images.sh", images);
                    return;
                }
            }
        }
    }

    private static async Task<string?> ImageIdAsync(DockerClient engine, string image)
    {
        try
        {
            return (await engine.Images.InspectImageAsync(image)).ID;
        }
        catch (DockerImageNotFoundException)
        {
            return null;
        }
    }

    private async Task SetManagerAvailabilityAsync(string availability)
    {
        var node = await manager.Swarm.InspectNodeAsync(TestSwarm.Manager);
        await manager.Swarm.UpdateNodeAsync(node.ID, node.Version.Index, new NodeUpdateParameters
        {
            Name = node.Spec.Name,
            Labels = node.Spec.Labels,
            Role = node.Spec.Role,
            Availability = availability,
        });
    }
}
