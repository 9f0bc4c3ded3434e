using Orchestrator.SwarmTests.Fixtures;
using Xunit.Abstractions;

namespace Orchestrator.SwarmTests;

/// <summary>The wine pipeline on the 3-node swarm, as preemptible nodes and a crashing orchestrator would have it.</summary>
[Collection(SwarmCollection.Name)]
[Trait("Category", "Swarm")]
public sealed class WinePipelineTests(SwarmFixture swarm, WinePipelineFixture wine, ITestOutputHelper output) : IClassFixture<WinePipelineFixture>
{
    private const string TrainModel = "TrainModel";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Losing_the_node_that_runs_TrainModel_costs_one_retry_and_the_outputs_match_an_undisturbed_run()
    {
        output.WriteLine($"undisturbed run of the wine pipeline on the swarm: {wine.ReferenceDuration.TotalSeconds:0.0} s");
        var dataRoot = wine.NewDataRoot();
        try
        {
            var run = WinePipelineFixture.RunAsync(dataRoot);
            var (_, node) = await swarm.WaitUntilRunningAsync(dataRoot, TrainModel, StartTimeout);
            TestSwarm.KillDaemon(node);
            var (exitCode, printed) = await run;

            Assert.True(exitCode == 0, printed);
            Assert.Contains($"--- TrainModel attempt 0 failed (node {node} was lost while the task ran on it); retry 1 in ", printed, StringComparison.Ordinal);
            Assert.EndsWith("summary: 8 ran, 0 already complete, 0 failed", printed.TrimEnd(), StringComparison.Ordinal);
            Assert.Equal(WinePipelineFixture.Metrics(wine.Reference), WinePipelineFixture.Metrics(dataRoot));
            Assert.Empty(await swarm.ServicesOnDataRootAsync(dataRoot, TrainModel));
        }
        finally
        {
            await SwarmFixture.ReviveNodesAsync();
        }
    }

    [Fact]
    public async Task An_orchestrator_killed_while_TrainModel_runs_adopts_its_service_on_rerun_and_the_outputs_match()
    {
        var dataRoot = wine.NewDataRoot();
        var orphan = await KillWhileTrainModelRunsAsync(dataRoot);
        await using var services = Looks<IEnumerable<string>>.Start(async () => (await swarm.ServicesOnDataRootAsync(dataRoot, TrainModel)).Select(service => service.ID), TimeSpan.FromMilliseconds(100));

        var (exitCode, printed) = await WinePipelineFixture.RunAsync(dataRoot);
        var trainModelServices = (await services.StopAsync()).SelectMany(ids => ids).Distinct();

        Assert.True(exitCode == 0, printed);
        Assert.EndsWith("summary: 2 ran, 6 already complete, 0 failed", printed.TrimEnd(), StringComparison.Ordinal);
        Assert.Equal([orphan], trainModelServices);
        Assert.Equal(WinePipelineFixture.Metrics(wine.Reference), WinePipelineFixture.Metrics(dataRoot));
        Assert.Empty(await swarm.ServicesOnDataRootAsync(dataRoot, TrainModel));
    }

    /// <summary>Runs the built orchestrator as its own process, SIGKILLs it once TrainModel's service runs, and returns that service's id.</summary>
    private async Task<string> KillWhileTrainModelRunsAsync(string dataRoot)
    {
        using var orchestrator = WinePipelineFixture.Start(dataRoot);
        var stdout = orchestrator.StandardOutput.ReadToEndAsync();
        var stderr = orchestrator.StandardError.ReadToEndAsync();
        try
        {
            var (serviceId, _) = await swarm.WaitUntilRunningAsync(dataRoot, TrainModel, StartTimeout);
            return serviceId;
        }
        catch (OperationCanceledException)
        {
            orchestrator.Kill();
            throw new InvalidOperationException($"TrainModel never ran:\n{await stdout}{await stderr}");
        }
        finally
        {
            orchestrator.Kill();
            await orchestrator.WaitForExitAsync(CancellationToken.None);
        }
    }
}
