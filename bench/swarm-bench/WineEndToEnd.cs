using Orchestrator.SwarmTests.Fixtures;

namespace WinePipeline.Bench.SwarmBench;

/// <summary>The wine pipeline's eight tasks from an empty data root, on the 3-node swarm and with the docker executor on the main engine, one run each.</summary>
internal static class WineEndToEnd
{
    public static async Task MeasureAsync()
    {
        await WineOnSwarm.LoadImagesAsync();
        var onSwarm = TestSwarm.NewSharedDataRoot("swarm-bench-wine-");
        var onDocker = TestSwarm.NewSharedDataRoot("swarm-bench-wine-");
        try
        {
            var swarm = await Program.TimeRunAsync(WineOnSwarm.RunArguments(onSwarm, Wine.DefaultDatasetUrl), WineOnSwarm.Pipeline);
            var docker = await Program.TimeRunAsync(
                ["run", "--executor", "docker", "--data-root", onDocker, "-p", $"dataset-url={Wine.DefaultDatasetUrl}", "-p", $"image-prefix={WineOnSwarm.ImagePrefix}"],
                WineOnSwarm.Pipeline);
            Console.WriteLine(FormattableString.Invariant($"-- wine pipeline, 8 tasks, {Wine.DefaultDatasetUrl}, load average {Program.LoadAverage()}"));
            Console.WriteLine(FormattableString.Invariant($"swarm executor, 3 nodes: {swarm.TotalSeconds:0.0} s; docker executor: {docker.TotalSeconds:0.0} s; ratio {swarm / docker:0.00}x"));
        }
        finally
        {
            Directory.Delete(onSwarm, recursive: true);
            Directory.Delete(onDocker, recursive: true);
        }
    }
}
