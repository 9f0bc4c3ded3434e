using Docker.DotNet.Models;
using Orchestrator.EngineTests.Fixtures;
using Orchestrator.Execution;
using Orchestrator.Execution.Docker.Internal;
using Orchestrator.Execution.Swarm.Internal;
using Orchestrator.Graph;
using Orchestrator.SwarmTests.Fixtures;

namespace Orchestrator.SwarmTests;

/// <summary>
/// A rerun after the orchestrator died mid-task finds the task's service by its labels: it adopts it
/// when it runs the task's current spec and has not failed, else removes it. Never two services per task.
/// </summary>
[Collection(SwarmCollection.Name)]
[Trait("Category", "Swarm")]
public sealed class AdoptionTests(SwarmFixture swarm)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>How often the task's services are listed while it runs.</summary>
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task A_rerun_adopts_the_running_service_of_the_same_spec_and_logs_it_from_its_first_line()
    {
        var dataRoot = swarm.NewDataRoot();
        using var executor = SwarmFixture.Executor(dataRoot);
        var invocation = swarm.Invocation("Adopted", "echo before; sleep 4; echo done");
        var orphanId = await LeaveServiceAsync(executor, invocation with { RunId = "crashed-run" }, dataRoot);
        await swarm.WaitUntilRunningAsync(dataRoot, invocation.TaskId, StartTimeout);
        await using var services = Looks<List<string>>.Start(() => ServiceIdsAsync(dataRoot, invocation.TaskId), Every);
        var log = new RecordingLog();

        var result = await executor.ExecuteAsync(invocation, log, CancellationToken.None);
        var seen = await services.StopAsync();

        Assert.True(result.Succeeded, string.Join('\n', result.StderrTail));
        Assert.Equal(["before", "done"], log.Of(LogStream.Stdout));
        Assert.Equal([orphanId], seen.SelectMany(ids => ids).Distinct());
        Assert.Empty(await swarm.ServicesOnDataRootAsync(dataRoot, invocation.TaskId));
    }

    [Fact]
    public async Task A_rerun_removes_a_leftover_service_of_another_spec_before_running_its_own()
    {
        var dataRoot = swarm.NewDataRoot();
        using var executor = SwarmFixture.Executor(dataRoot);
        var invocation = swarm.Invocation("Changed", "echo new definition");
        var orphanId = await LeaveServiceAsync(executor, swarm.Invocation("Changed", "echo old definition; sleep 60") with { RunId = "crashed-run" }, dataRoot);
        await using var services = Looks<List<string>>.Start(() => ServiceIdsAsync(dataRoot, invocation.TaskId), Every);
        var log = new RecordingLog();

        var result = await executor.ExecuteAsync(invocation, log, CancellationToken.None);
        var seen = await services.StopAsync();

        Assert.True(result.Succeeded, string.Join('\n', result.StderrTail));
        Assert.Equal(["new definition"], log.Of(LogStream.Stdout));
        Assert.All(seen, ids => Assert.True(ids.Count <= 1, $"two services at once: {string.Join(", ", ids)}"));
        Assert.Contains(seen, ids => ids.Count == 1 && ids[0] != orphanId);
        Assert.Empty(await swarm.ServicesOnDataRootAsync(dataRoot, invocation.TaskId));
    }

    [Fact]
    public async Task A_rerun_does_not_adopt_a_leftover_that_failed_but_runs_the_task_again()
    {
        var dataRoot = swarm.NewDataRoot();
        using var executor = SwarmFixture.Executor(dataRoot);
        var invocation = swarm.Invocation("FailedBefore", "test -f /usr/share/data/go || exit 5; echo went");
        var orphanId = await LeaveServiceAsync(executor, invocation with { RunId = "crashed-run" }, dataRoot);
        await WaitUntilFailedAsync(orphanId);
        await File.WriteAllTextAsync(Path.Combine(dataRoot, "go"), "");
        var log = new RecordingLog();

        var result = await executor.ExecuteAsync(invocation, log, CancellationToken.None);

        Assert.True(result.Succeeded, string.Join('\n', result.StderrTail));
        Assert.Equal(["went"], log.Of(LogStream.Stdout));
        Assert.Empty(await swarm.ServicesOnDataRootAsync(dataRoot, invocation.TaskId));
    }

    /// <summary>Creates the service an orchestrator that died mid-run leaves behind, as it would have created it.</summary>
    private async Task<string> LeaveServiceAsync(Execution.Swarm.SwarmExecutor executor, TaskInvocation invocation, string dataRoot)
    {
        await executor.EnsureReadyAsync([new TaskDefinition(invocation.TaskId, [], [], new Dictionary<string, string>()) { Image = invocation.Image }], CancellationToken.None);
        var spec = ServiceDefinition.For(invocation, ServiceNames.Canonical(dataRoot, invocation.TaskId), dataRoot, StepUser.For(dataRoot), IsolatedNetwork.Name);
        return (await swarm.Manager.Swarm.CreateServiceAsync(new ServiceCreateParameters { Service = spec })).ID;
    }

    private async Task<List<string>> ServiceIdsAsync(string dataRoot, string taskId) =>
        [.. (await swarm.ServicesOnDataRootAsync(dataRoot, taskId)).Select(service => service.ID)];

    private async Task WaitUntilFailedAsync(string serviceId)
    {
        using var deadline = new CancellationTokenSource(StartTimeout);
        while (true)
        {
            var tasks = await ServiceTasks.ListAsync(swarm.Manager, serviceId, deadline.Token);
            if (tasks.Any(task => task.Status.State == TaskState.Failed))
            {
                return;
            }

            await Task.Delay(100, deadline.Token);
        }
    }
}
