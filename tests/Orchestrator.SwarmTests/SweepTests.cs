using System.Globalization;
using Orchestrator.SwarmTests.Fixtures;

namespace Orchestrator.SwarmTests;

/// <summary>A sweep on the swarm: the engine hands out what the nodes have free, so the variants run at once across the nodes.</summary>
[Collection(SwarmCollection.Name)]
[Trait("Category", "Swarm")]
public sealed class SweepTests(SwarmFixture swarm)
{
    /// <summary>One more than this machine's CPUs, each counted as one: they all run at once only when the engine hands out the swarm's (three nodes of this machine's CPUs each).</summary>
    private static readonly int Variants = Environment.ProcessorCount + 1;

    [Fact]
    public async Task The_variants_of_a_sweep_all_run_at_the_same_time_on_more_than_one_node()
    {
        var dataRoot = swarm.NewDataRoot();
        var pipelineFile = NapSweep.Write(swarm.NewDataRoot(), Variants, seconds: 4);
        await using var looks = Looks<Dictionary<string, string>>.Start(() => swarm.RunningNodesOnDataRootAsync(dataRoot, CancellationToken.None), TimeSpan.FromMilliseconds(100));

        var (exitCode, printed) = await InProcessCli.RunAsync(["run", NapSweep.Join, "-f", pipelineFile, .. InProcessCli.OnTestSwarm, "--data-root", dataRoot]);
        var snapshots = (await looks.StopAsync()).Where(running => running.Keys.Any(task => task.StartsWith(NapSweep.Variant + "[", StringComparison.Ordinal))).ToList();

        Assert.True(exitCode == 0, printed);
        Assert.Contains($"free on {TestSwarm.Nodes.Length} swarm node(s)", printed, StringComparison.Ordinal);
        Assert.Equal(Variants, snapshots.SelectMany(running => running.Keys).Distinct().Count());
        var together = snapshots.Where(running => running.Count == Variants).ToList();
        Assert.True(together.Count > 0, $"the variants never all ran at once; running variants by node, polled:\n{string.Join('\n', snapshots.Select(Describe))}");
        Assert.True(together.Any(running => running.Values.Distinct().Count() > 1), $"the variants ran on one node only: {Describe(together[0])}");
        Assert.Equal(Enumerable.Range(1, Variants).Select(n => n.ToString(CultureInfo.InvariantCulture)), File.ReadLines(Path.Combine(dataRoot, "naps.txt")));
        Assert.Empty(await swarm.ServicesOnDataRootAsync(dataRoot));
    }

    private static string Describe(Dictionary<string, string> running) => string.Join(", ", running.Select(pair => $"{pair.Key} on {pair.Value}"));
}
