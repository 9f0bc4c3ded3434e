using System.Diagnostics;
using Docker.DotNet;
using Orchestrator.Execution.Docker.Internal;

namespace Orchestrator.SwarmTests.Fixtures;

/// <summary>
/// The wine pipeline on the test swarm: its step images (built by ./build-task-images.sh 0.1) loaded
/// on every node, the manager drained so that every task runs on a worker that may be killed, and
/// one undisturbed run to compare with. Created after the swarm collection's fixture.
/// </summary>
public sealed class WinePipelineFixture : IAsyncLifetime
{
    private const string DatasetUrl = "sample://wine-reviews?rows=2000&seed=42";

    private readonly List<string> dataRoots = [];
    private readonly DockerClient manager = DockerEndpoint.CreateClient(TestSwarm.ManagerEngine);

    /// <summary>The data root of the undisturbed run.</summary>
    public string Reference { get; private set; } = "";

    /// <summary>How long the undisturbed run of all eight tasks took on the swarm.</summary>
    public TimeSpan ReferenceDuration { get; private set; }

    public async Task InitializeAsync()
    {
        await WineOnSwarm.LoadImagesAsync();
        await TestSwarm.SetAvailabilityAsync(manager, TestSwarm.Manager, "drain");
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
        await TestSwarm.SetAvailabilityAsync(manager, TestSwarm.Manager, "active");
        manager.Dispose();
        foreach (var dataRoot in dataRoots)
        {
            Directory.Delete(dataRoot, recursive: true);
        }
    }

    public string NewDataRoot()
    {
        var dataRoot = TestSwarm.NewSharedDataRoot("swarm-pipeline-");
        dataRoots.Add(dataRoot);
        return dataRoot;
    }

    /// <summary>Runs the pipeline in this process on the swarm; returns its exit code and everything it printed.</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(string dataRoot) => InProcessCli.RunAsync(WineOnSwarm.RunArguments(dataRoot, DatasetUrl), WineOnSwarm.Pipeline);

    /// <summary>The same run as the built orchestrator program, its own process, with none of the variables that would change its parameters or data root.</summary>
    public static Process Start(string dataRoot)
    {
        var startInfo = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        startInfo.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "orchestrator.dll"));
        foreach (var argument in WineOnSwarm.RunArguments(dataRoot, DatasetUrl))
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
}
