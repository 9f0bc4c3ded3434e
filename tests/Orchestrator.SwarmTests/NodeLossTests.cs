using System.Diagnostics;
using WinePipeline.Orchestrator.EngineTests.Fixtures;
using WinePipeline.Orchestrator.Execution;
using WinePipeline.Orchestrator.Graph;
using WinePipeline.Orchestrator.Planning;
using WinePipeline.Orchestrator.SwarmTests.Fixtures;
using Xunit.Abstractions;

namespace WinePipeline.Orchestrator.SwarmTests;

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
    public async Task After_a_node_is_lost_the_engine_retries_on_a_live_node_and_the_task_completes()
    {
        var dataRoot = swarm.NewDataRoot();
        using var executor = SwarmFixture.Executor(dataRoot);
        var task = new TaskDefinition("Survivor", [], [TaskOutput.File("survivor.out")], new Dictionary<string, string>(), "test_step", BusyboxTestImage.Name,
            ["sh", "-c", "echo started; sleep 6; echo done > /usr/share/data/survivor.out"]) { Constraints = OnWorkers };
        var plan = new ExecutionPlan([task.Id], [new PlannedTask(task, new TaskState(ExecutionStatus.Pending, "output missing"))]);
        var logs = Path.Combine(dataRoot, "logs");
        var engine = new ExecutionEngine(executor, new EngineOptions(1, 0, EngineOptions.DefaultRetryBaseDelay, logs), TextWriter.Null, TimeProvider.System);
        try
        {
            var run = engine.RunAsync(plan, swarm.RunId, CancellationToken.None);
            var (lostService, lostNode) = await swarm.WaitUntilRunningAsync(dataRoot, task.Id, StartTimeout);
            TestSwarm.KillDaemon(lostNode);
            var sinceLoss = Stopwatch.StartNew();
            var (retriedService, retriedNode) = await swarm.WaitUntilRunningAsync(dataRoot, task.Id, StartTimeout, except: lostService);
            var retryRunning = sinceLoss.Elapsed;
            var report = (await run).Tasks.Single();
            output.WriteLine($"node lost -> retry running on {retriedNode} after {retryRunning.TotalSeconds:0.0} s; task succeeded after {sinceLoss.Elapsed.TotalSeconds:0.0} s");

            Assert.Equal(ExecutionStatus.Succeeded, report.Status);
            Assert.Equal(2, report.Attempts);
            Assert.NotEqual(lostService, retriedService);
            Assert.NotEqual(lostNode, retriedNode);
            Assert.EndsWith($"swarm: node {lostNode} was lost while the task ran on it", File.ReadAllText(Path.Combine(logs, "Survivor.0.log")).TrimEnd(), StringComparison.Ordinal);
            Assert.Equal("done\n", File.ReadAllText(Path.Combine(dataRoot, "survivor.out")));
            Assert.Empty(await swarm.ServicesOnDataRootAsync(dataRoot, task.Id));
        }
        finally
        {
            await SwarmFixture.ReviveNodesAsync();
        }
    }
}
