using Docker.DotNet.Models;
using Orchestrator.EngineTests.Fixtures;
using Orchestrator.Execution;
using Orchestrator.Execution.Docker.Internal;

namespace Orchestrator.EngineTests;

[Collection(EngineCollection.Name)]
[Trait("Category", "Engine")]
public sealed class ContainerLifecycleTests(EngineFixture engine)
{
    [Fact]
    public async Task Successful_container_is_removed()
    {
        var dataRoot = engine.NewDataRoot();
        using var executor = EngineFixture.Executor(dataRoot);
        var log = new RecordingLog();

        var result = await executor.ExecuteAsync(engine.Invocation("Succeeds", "echo hi"), log, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal(["hi"], log.Of(LogStream.Stdout));
        Assert.Empty(await engine.ContainersOfTaskAsync("Succeeds"));
    }

    [Fact]
    public async Task KeepContainers_keeps_a_successful_container()
    {
        var dataRoot = engine.NewDataRoot();
        using var executor = EngineFixture.Executor(dataRoot, keepContainers: true);

        await executor.ExecuteAsync(engine.Invocation("KeptOnSuccess", "true"), new RecordingLog(), CancellationToken.None);

        var kept = await engine.FindAsync(ContainerNames.Canonical(dataRoot, "KeptOnSuccess"));
        Assert.NotNull(kept);
        Assert.Equal("exited", kept.State.Status);
    }

    [Fact]
    public async Task Stopped_container_holding_the_canonical_name_is_replaced()
    {
        var dataRoot = engine.NewDataRoot();
        var invocation = engine.Invocation("StaleName", "echo fresh");
        var staleId = await engine.CreateCanonicalContainerAsync(invocation, dataRoot);
        using var executor = EngineFixture.Executor(dataRoot);
        var log = new RecordingLog();

        var result = await executor.ExecuteAsync(invocation, log, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal(["fresh"], log.Of(LogStream.Stdout));
        Assert.Null(await engine.FindAsync(staleId));
    }

    [Fact]
    public async Task Step_runs_as_the_pipeline_user_and_may_write_only_its_staging_folder_when_root_owns_the_data_root()
    {
        var dataRoot = engine.NewDataRoot();
        Directory.CreateDirectory(Path.Combine(dataRoot, "interim"));
        var staging = EngineFixture.NewStagingFolder(dataRoot, "WritesAsPipeline");
        using var executor = EngineFixture.Executor(dataRoot);
        var log = new RecordingLog();

        var result = await executor.ExecuteAsync(
            engine.Invocation(
                "WritesAsPipeline",
                "echo $(id -u):$(id -g); touch /usr/share/data/.orchestrator/staging/WritesAsPipeline/out.csv; touch /usr/share/data/interim/out.csv || echo refused"),
            log,
            CancellationToken.None);

        Assert.True(result.Succeeded, string.Join('\n', result.StderrTail));
        Assert.Equal([StepUser.Pipeline, "refused"], log.Of(LogStream.Stdout));
        Assert.True(File.Exists(Path.Combine(staging, "out.csv")));
        Assert.False(File.Exists(Path.Combine(dataRoot, "interim", "out.csv")));
    }

    [Fact]
    public async Task Step_runs_as_the_owner_of_a_data_root_not_owned_by_root()
    {
        var dataRoot = engine.NewDataRoot();
        await ChangeOwnerAsync(dataRoot, "1234:1234");
        using var executor = EngineFixture.Executor(dataRoot);
        var log = new RecordingLog();

        var result = await executor.ExecuteAsync(
            engine.Invocation("WritesAsOwner", "echo $(id -u):$(id -g); touch /usr/share/data/out.csv"), log, CancellationToken.None);

        Assert.True(result.Succeeded, string.Join('\n', result.StderrTail));
        Assert.Equal(["1234:1234"], log.Of(LogStream.Stdout));
        Assert.True(File.Exists(Path.Combine(dataRoot, "out.csv")));
    }

    private static async Task ChangeOwnerAsync(string path, string owner)
    {
        using var chown = System.Diagnostics.Process.Start("chown", [owner, path]);
        await chown.WaitForExitAsync();
        Assert.Equal(0, chown.ExitCode);
    }
}
