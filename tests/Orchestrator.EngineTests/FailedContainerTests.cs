using Orchestrator.EngineTests.Fixtures;
using Orchestrator.Execution;
using Orchestrator.Execution.Docker;
using Orchestrator.Execution.Docker.Internal;

namespace Orchestrator.EngineTests;

[Collection(EngineCollection.Name)]
[Trait("Category", "Engine")]
public sealed class FailedContainerTests(EngineFixture engine)
{
    [Fact]
    public async Task Exit_3_reports_code_and_stderr_and_keeps_the_container_renamed_with_its_labels()
    {
        var dataRoot = engine.NewDataRoot();
        using var executor = EngineFixture.Executor(dataRoot);
        var invocation = engine.Invocation("FailsWith3", "echo starting; echo 'bad value in row 7' >&2; exit 3");

        var result = await executor.ExecuteAsync(invocation, new RecordingLog(), CancellationToken.None);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal($"image {BusyboxTestImage.Name}", result.Target);
        Assert.Equal(["bad value in row 7"], result.StderrTail);
        var canonical = ContainerNames.Canonical(dataRoot, "FailsWith3");
        Assert.Matches("^pipeline-[0-9a-f]{8}-failswith3$", canonical);
        Assert.Null(await engine.FindAsync(canonical));
        var kept = await engine.FindAsync($"{canonical}-failed-{engine.RunId}-0");
        Assert.NotNull(kept);
        Assert.Equal(3, kept.State.ExitCode);
        Assert.Equal("FailsWith3", kept.Config.Labels[ContainerLabels.Task]);
        Assert.Equal(engine.RunId, kept.Config.Labels[ContainerLabels.RunId]);
        Assert.Equal("0", kept.Config.Labels[ContainerLabels.Retry]);
        Assert.Equal("none", kept.HostConfig.NetworkMode);
        Assert.Equal(ContainerPaths.DataRoot, Assert.Single(kept.Mounts).Destination);
    }

    [Fact]
    public async Task Retry_after_a_failure_runs_under_the_canonical_name_again()
    {
        var dataRoot = engine.NewDataRoot();
        using var executor = EngineFixture.Executor(dataRoot);
        await executor.ExecuteAsync(engine.Invocation("FailsOnce", "exit 1"), new RecordingLog(), CancellationToken.None);

        var retry = await executor.ExecuteAsync(engine.Invocation("FailsOnce", "echo second try", attempt: 1), new RecordingLog(), CancellationToken.None);

        Assert.True(retry.Succeeded);
        var containers = await engine.ContainersOfTaskAsync("FailsOnce");
        var kept = Assert.Single(containers);
        Assert.Equal("0", kept.Labels[ContainerLabels.Retry]);
    }

    [Fact]
    public async Task Stderr_tail_holds_the_last_20_lines()
    {
        using var executor = EngineFixture.Executor(engine.NewDataRoot());
        var invocation = engine.Invocation("LongStderr", "i=1; while [ $i -le 25 ]; do echo \"problem $i\" >&2; i=$((i+1)); done; exit 1");

        var result = await executor.ExecuteAsync(invocation, new RecordingLog(), CancellationToken.None);

        Assert.Equal(Enumerable.Range(6, 20).Select(i => $"problem {i}"), result.StderrTail);
    }

    [Fact]
    public async Task Container_the_engine_cannot_start_fails_with_the_engines_message()
    {
        using var executor = EngineFixture.Executor(engine.NewDataRoot());
        var invocation = engine.Invocation("CannotStart", "unused") with { Arguments = ["no-such-program"] };

        var result = await executor.ExecuteAsync(invocation, new RecordingLog(), CancellationToken.None);

        Assert.Equal(127, result.ExitCode);
        Assert.StartsWith("docker engine: ", result.StderrTail[^1], StringComparison.Ordinal);
        Assert.Contains("no-such-program", result.StderrTail[^1], StringComparison.Ordinal);
    }
}
