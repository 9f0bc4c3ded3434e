using Docker.DotNet.Models;
using Orchestrator.EngineTests.Fixtures;
using Orchestrator.Execution;
using Orchestrator.Execution.Docker;
using Orchestrator.Execution.Docker.Internal;

namespace Orchestrator.EngineTests;

/// <summary>
/// A restarted orchestrator finds a container an earlier run left running under the task's name: it
/// follows it only when it runs exactly what the task would run now, else replaces it.
/// </summary>
[Collection(EngineCollection.Name)]
[Trait("Category", "Engine")]
public sealed class ReattachTests(EngineFixture engine)
{
    /// <summary>Started before the test creates "go" in data_root, the step hangs (as a download from a stalled source would).</summary>
    private const string HangsWithoutGo = "[ -e /usr/share/data/go ] && echo fresh || sleep 30";

    [Fact]
    public async Task Restarted_orchestrator_reattaches_to_the_running_container_instead_of_starting_another()
    {
        var dataRoot = engine.NewDataRoot();
        var invocation = engine.Invocation("Reattached", "echo before; sleep 3; echo done");
        var name = ContainerNames.Canonical(dataRoot, invocation.TaskId);
        // What an orchestrator that died mid-run leaves behind: its container, still running.
        var orphanId = await engine.StartCanonicalContainerAsync(invocation, dataRoot);
        using var restarted = EngineFixture.Executor(dataRoot, keepContainers: true);
        var log = new RecordingLog();

        var result = await restarted.ExecuteAsync(invocation, log, CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([DockerMessages.Adopted(name), "done"], log.Of(LogStream.Stdout)); // "before" was printed before the restart
        Assert.Equal(orphanId, Assert.Single(await engine.ContainersOfTaskAsync(invocation.TaskId)).ID);
    }

    [Theory]
    [InlineData("command")]
    [InlineData("mounts")]
    [InlineData("environment")]
    [InlineData("user")]
    public async Task Running_container_of_an_earlier_run_that_differs_is_stopped_and_replaced_not_adopted(string aspect)
    {
        var dataRoot = engine.NewDataRoot();
        var invocation = engine.Invocation($"Differs-{aspect}", HangsWithoutGo);
        var name = ContainerNames.Canonical(dataRoot, invocation.TaskId);
        var otherDataRoot = engine.NewDataRoot();
        var orphanId = await engine.StartCanonicalContainerAsync(invocation, dataRoot, definition => Change(definition, aspect, otherDataRoot));
        await engine.WaitUntilSleepingAsync(orphanId);
        File.WriteAllText(Path.Combine(dataRoot, "go"), "");
        using var restarted = EngineFixture.Executor(dataRoot, keepContainers: true);
        var log = new RecordingLog();

        var result = await restarted.ExecuteAsync(invocation, log, CancellationToken.None);

        Assert.True(result.Succeeded, string.Join('\n', result.StderrTail));
        Assert.Equal([DockerMessages.Replaced(name, aspect), "fresh"], log.Of(LogStream.Stdout));
        Assert.Null(await engine.FindAsync(orphanId));
        var replacement = Assert.Single(await engine.ContainersOfTaskAsync(invocation.TaskId));
        Assert.Equal(invocation.Arguments, (await engine.Client.Containers.InspectContainerAsync(replacement.ID)).Config.Cmd);
    }

    [Fact]
    public async Task Data_root_reached_through_a_symlink_names_the_same_container_and_adopts_it_instead_of_starting_a_second()
    {
        var dataRoot = engine.NewDataRoot();
        var linked = Path.Combine(engine.NewDataRoot(), "linked-data-root");
        Directory.CreateSymbolicLink(linked, dataRoot);
        var invocation = engine.Invocation("ThroughSymlink", "echo before; sleep 3; echo done");
        var orphanId = await engine.StartCanonicalContainerAsync(invocation, dataRoot);
        using var throughSymlink = EngineFixture.Executor(linked, keepContainers: true);
        var log = new RecordingLog();

        var result = await throughSymlink.ExecuteAsync(invocation, log, CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([DockerMessages.Adopted(ContainerNames.Canonical(dataRoot, invocation.TaskId)), "done"], log.Of(LogStream.Stdout));
        var only = Assert.Single(await engine.ContainersOfTaskAsync(invocation.TaskId));
        Assert.Equal(orphanId, only.ID);
        Assert.Equal(dataRoot, only.Labels[ContainerLabels.DataRoot]);
    }

    private static void Change(CreateContainerParameters definition, string aspect, string otherDataRoot)
    {
        switch (aspect)
        {
            case "command":
                definition.Cmd = ["sh", "-c", "echo an earlier dataset; sleep 30"];
                break;
            case "mounts":
                definition.HostConfig.Mounts[0].Source = otherDataRoot;
                break;
            case "environment":
                definition.Env = ["DATASET_URL=file:///an/earlier/dataset.csv"];
                break;
            case "user":
                definition.User = "1234:1234";
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(aspect), aspect, "no such aspect");
        }
    }
}
