using System.Diagnostics;
using Orchestrator.EngineTests.Fixtures;
using Orchestrator.Execution;
using Orchestrator.SwarmTests.Fixtures;
using Xunit.Abstractions;

namespace Orchestrator.SwarmTests;

/// <summary>kill -9 of a worker's dockerd while a task runs there, as a preemptible machine vanishes; the node is started again afterwards.</summary>
[Collection(SwarmCollection.Name)]
[Trait("Category", "Swarm")]
public sealed class NodeLossTests(SwarmFixture swarm, ITestOutputHelper output)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly string[] OnWorkers = ["node.role==worker"];

    [Fact]
    public async Task Killing_the_workers_engine_mid_task_ends_the_attempt_as_node_lost_and_leaves_no_service()
    {
        var dataRoot = swarm.NewDataRoot();
        using var executor = SwarmFixture.Executor(dataRoot);
        var invocation = swarm.Invocation("Preempted", "echo started; sleep 60") with { Constraints = OnWorkers };
        try
        {
            var running = executor.ExecuteAsync(invocation, new RecordingLog(), CancellationToken.None);
            var (_, node) = await swarm.WaitUntilRunningAsync(dataRoot, invocation.TaskId, StartTimeout);

            TestSwarm.KillDaemon(node);
            var result = await running;

            Assert.Equal(FailureKind.NodeLost, result.Failure);
            Assert.Equal($"node {node} was lost while the task ran on it", result.Message);
            Assert.Empty(await swarm.ServicesOfTaskAsync(invocation.TaskId));
        }
        finally
        {
            await SwarmFixture.ReviveNodesAsync();
        }
    }

    [Fact]
    public async Task After_a_node_is_lost_the_run_retries_on_a_live_node_and_the_task_completes()
    {
        var dataRoot = swarm.NewDataRoot();
        var pipelineFile = Path.Combine(swarm.NewDataRoot(), "pipeline.yaml");
        File.WriteAllText(pipelineFile, $$"""
            name: survivor
            tasks:
              Survivor:
                image: {{BusyboxTestImage.Name}}
                args: [sh, -c, "echo started; sleep 6; echo done > ${out}/survivor.out"]
                outputs: { result: survivor.out }
                constraints: [node.role==worker]
            """);
        try
        {
            var run = InProcessCli.RunAsync(["run", "-f", pipelineFile, .. InProcessCli.OnTestSwarm, "--data-root", dataRoot]);
            var (lostService, lostNode) = await swarm.WaitUntilRunningAsync(dataRoot, "Survivor", StartTimeout);
            TestSwarm.KillDaemon(lostNode);
            var sinceLoss = Stopwatch.StartNew();
            var (retriedService, retriedNode) = await swarm.WaitUntilRunningAsync(dataRoot, "Survivor", StartTimeout, except: lostService);
            var retryRunning = sinceLoss.Elapsed;
            var (exitCode, printed) = await run;
            output.WriteLine($"node lost -> retry running on {retriedNode} after {retryRunning.TotalSeconds:0.0} s; the run ended after {sinceLoss.Elapsed.TotalSeconds:0.0} s");

            Assert.True(exitCode == 0, printed);
            Assert.Contains($"--- Survivor attempt 0 failed (node {lostNode} was lost while the task ran on it); retry 1 in ", printed, StringComparison.Ordinal);
            Assert.NotEqual(lostNode, retriedNode);
            var firstLog = Directory.GetFiles(Path.Combine(dataRoot, ".orchestrator", "logs"), "Survivor.0.log", SearchOption.AllDirectories).Single();
            Assert.EndsWith($"swarm: node {lostNode} was lost while the task ran on it", File.ReadAllText(firstLog).TrimEnd(), StringComparison.Ordinal);
            Assert.Equal("done\n", File.ReadAllText(Path.Combine(dataRoot, "survivor.out")));
            Assert.Empty(await swarm.ServicesOnDataRootAsync(dataRoot, "Survivor"));
        }
        finally
        {
            await SwarmFixture.ReviveNodesAsync();
        }
    }
}
