using System.Diagnostics;
using Orchestrator.EngineTests.Fixtures;
using Orchestrator.Execution.Docker.Internal;

namespace Orchestrator.EngineTests;

[Collection(EngineCollection.Name)]
[Trait("Category", "Engine")]
public sealed class CancellationTests(EngineFixture engine)
{
    [Fact]
    public async Task Cancelling_a_running_step_stops_and_removes_its_container_within_seconds()
    {
        var dataRoot = engine.NewDataRoot();
        using var executor = EngineFixture.Executor(dataRoot);
        using var cancellation = new CancellationTokenSource();
        var run = executor.ExecuteAsync(engine.Invocation("Sleeper", "sleep 60"), new RecordingLog(), cancellation.Token);
        await engine.WaitUntilRunningAsync(ContainerNames.Canonical(dataRoot, "Sleeper"));
        var clock = Stopwatch.StartNew();

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        // The stop gives the step 3 s to exit; the rest is slack for a loaded machine, far below the sleep.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
        Assert.Empty(await engine.ContainersOfTaskAsync("Sleeper"));
    }
}
