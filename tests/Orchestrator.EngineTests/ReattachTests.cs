using Orchestrator.EngineTests.Fixtures;
using Orchestrator.Execution;
using Orchestrator.Execution.Docker.Internal;

namespace Orchestrator.EngineTests;

[Collection(EngineCollection.Name)]
[Trait("Category", "Engine")]
public sealed class ReattachTests(EngineFixture engine)
{
    [Fact]
    public async Task Restarted_orchestrator_reattaches_to_the_running_container_instead_of_starting_another()
    {
        var dataRoot = engine.NewDataRoot();
        var invocation = engine.Invocation("Reattached", "echo before; sleep 3; echo done");
        var name = ContainerNames.Canonical(dataRoot, invocation.TaskId);
        // What an orchestrator that died mid-run leaves behind: its container, still running.
        var orphanId = await engine.CreateCanonicalContainerAsync(invocation, dataRoot);
        await engine.Client.Containers.StartContainerAsync(orphanId, new());
        await engine.WaitUntilRunningAsync(name);
        using var restarted = EngineFixture.Executor(dataRoot, keepContainers: true);
        var log = new RecordingLog();

        var result = await restarted.ExecuteAsync(invocation, log, CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["done"], log.Of(LogStream.Stdout)); // "before" was printed before the restart
        Assert.Equal(orphanId, Assert.Single(await engine.ContainersOfTaskAsync(invocation.TaskId)).ID);
    }
}
