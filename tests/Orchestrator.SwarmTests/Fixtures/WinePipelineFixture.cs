using System.Diagnostics;
using Docker.DotNet;
using Docker.DotNet.Models;
using Orchestrator.Cli;
using Orchestrator.Execution.Docker.Internal;
using WinePipeline;

namespace Orchestrator.SwarmTests.Fixtures;

/// <summary>
/// The wine pipeline on the test swarm: its step images (built by ./build-task-images.sh 0.1) loaded
/// on every node, the manager drained so that every task runs on a worker that may be killed, and
/// one undisturbed run to compare with. Created after the swarm collection's fixture.
/// </summary>
public sealed class WinePipelineFixture : IAsyncLifetime
{
    private const string DatasetUrl = "sample://wine-reviews?rows=2000&seed=42";

    /// <summary>The step images' prefix, as ./build-task-images.sh takes it: $IMAGE_PREFIX, else wine.</summary>
    private static readonly string ImagePrefix = Environment.GetEnvironmentVariable("IMAGE_PREFIX") is { Length: > 0 } prefix ? prefix : "wine";

    private static readonly Pipeline Wine = WinePipeline.Wine.Define(TestSwarm.RepositoryRoot);

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

    /// <summary>A data root open to others as `mkdir` makes one, so that steps running as the images' user reach their staging folders.</summary>
    public string NewDataRoot()
    {
        var dataRoot = Directory.CreateTempSubdirectory("swarm-pipeline-").FullName;
        File.SetUnixFileMode(dataRoot, File.GetUnixFileMode(dataRoot) | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        dataRoots.Add(dataRoot);
        return dataRoot;
    }

    /// <summary>Runs the pipeline in this process on the swarm; returns its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string dataRoot)
    {
        var printed = new StringWriter();
        var output = TextWriter.Synchronized(printed);
        var environment = new CliEnvironment(output, output, TimeProvider.System) { GetVariable = _ => null, Pipeline = Wine };
        var exitCode = await new CliApp(environment).RunAsync(Arguments(dataRoot), CancellationToken.None);
        return (exitCode, printed.ToString());
    }

    /// <summary>The same run as the built orchestrator program, its own process, with none of the variables that would change its parameters or data root.</summary>
    public static Process Start(string dataRoot)
    {
        var startInfo = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        startInfo.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "orchestrator.dll"));
        foreach (var argument in Arguments(dataRoot))
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var variable in new[] { "HOST_DATA_ROOT", "PROJECT_ROOT", "DATASET_URL", "PIPELINE_VERSION", "IMAGE_PREFIX", "DOCKER_HOST" })
        {
            startInfo.Environment.Remove(variable);
        }

        return Process.Start(startInfo)!;
    }

    public static string Metrics(string dataRoot) => File.ReadAllText(Path.Combine(dataRoot, "output", "metrics.json"));

    private static string[] Arguments(string dataRoot) =>
    [
        "run", "--executor", "swarm", "--docker-host", TestSwarm.ManagerEngine.OriginalString, "--node-docker-host", TestSwarm.NodeEngineTemplate,
        "--data-root", dataRoot, "-p", $"dataset-url={DatasetUrl}", "-p", $"image-prefix={ImagePrefix}",
    ];

    /// <summary>`docker save | docker load` from the main engine onto every node that lacks an image or holds another build of it.</summary>
    private static async Task LoadImagesAsync()
    {
        var graph = Wine.Resolve(new Dictionary<string, string>(Wine.Defaults()) { ["image-prefix"] = ImagePrefix });
        var images = graph.UpstreamOf([Wine.DefaultTarget]).Select(task => task.Image!).Distinct().ToArray();
        using var main = DockerEndpoint.CreateClient(DockerEndpoint.Resolve(null));
        var wanted = new Dictionary<string, string>();
        foreach (var image in images)
        {
            wanted[image] = await ImageIdAsync(main, image)
                ?? throw new InvalidOperationException($"image {image} is not on the main engine; build the step images with ./build-task-images.sh 0.1 (prefix from IMAGE_PREFIX)");
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
