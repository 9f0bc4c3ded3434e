using Docker.DotNet;
using Orchestrator.SwarmTests.Fixtures;

namespace WinePipeline.Bench.SwarmBench;

/// <summary>
/// A sweep of nine variants that each nap and count as one CPU, on all three nodes and then on the
/// manager alone (the workers drained). The nodes share this host's cores, so the variants nap rather
/// than compute: the ratio shows how the executor spreads a sweep, not how the host's cores scale.
/// </summary>
internal static class SweepSpread
{
    private const int Variants = 9;
    private const int NapSeconds = 5;
    private const string Active = "active";
    private const string Drain = "drain";

    public static async Task MeasureAsync(DockerClient manager)
    {
        var folder = TestSwarm.NewSharedDataRoot("swarm-bench-sweep-");
        var workers = TestSwarm.Nodes.Where(node => node != TestSwarm.Manager).ToList();
        try
        {
            var pipelineFile = NapSweep.Write(folder, Variants, NapSeconds);
            var spread = await RunAsync(pipelineFile, Path.Combine(folder, "three-nodes"));
            foreach (var worker in workers)
            {
                await TestSwarm.SetAvailabilityAsync(manager, worker, Drain);
            }

            var alone = await RunAsync(pipelineFile, Path.Combine(folder, "one-node"));
            Console.WriteLine(FormattableString.Invariant($"-- sweep of {Variants} variants, each {NapSeconds} s and counted as 1 CPU, then a join; load average {Program.LoadAverage()}"));
            Console.WriteLine(FormattableString.Invariant($"3 nodes: {spread.TotalSeconds:0.0} s; 1 node: {alone.TotalSeconds:0.0} s; ratio 1 node / 3 nodes {alone / spread:0.00}x"));
        }
        finally
        {
            foreach (var worker in workers)
            {
                await TestSwarm.SetAvailabilityAsync(manager, worker, Active);
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    private static Task<TimeSpan> RunAsync(string pipelineFile, string dataRoot)
    {
        Directory.CreateDirectory(dataRoot);
        return Program.TimeRunAsync(["run", NapSweep.Join, "-f", pipelineFile, .. InProcessCli.OnTestSwarm, "--data-root", dataRoot]);
    }
}
