using Orchestrator.EngineTests.Fixtures;
using Orchestrator.Execution;
using Orchestrator.SwarmTests.Fixtures;

namespace Orchestrator.SwarmTests;

/// <summary>Each way a swarm job fails, told in one line with its kind; the service is removed in every case.</summary>
[Collection(SwarmCollection.Name)]
[Trait("Category", "Swarm")]
public sealed class FailureTests(SwarmFixture swarm)
{
    private const long SixteenMiB = 16L * 1024 * 1024;
    private const string EatMemory = "echo eating; x=$(head -c 200000000 /dev/zero | tr '\\0' a); echo survived";

    [Fact]
    public async Task Non_zero_exit_reports_the_code_and_the_stderr_tail()
    {
        var result = await RunAsync(swarm.Invocation("Exits3", "echo starting; echo 'bad value in row 7' >&2; exit 3"));

        Assert.Equal((3, FailureKind.Exit), (result.ExitCode, result.Failure));
        Assert.Equal(["bad value in row 7"], result.StderrTail);
        Assert.Equal("exit code 3: bad value in row 7", result.Message);
    }

    [Fact]
    public async Task A_program_that_cannot_start_fails_with_the_engines_words()
    {
        var result = await RunAsync(swarm.Invocation("CannotStart", "unused") with { Arguments = ["no-such-program"] });

        Assert.Equal((127, FailureKind.Exit), (result.ExitCode, result.Failure));
        Assert.StartsWith("docker engine: starting container failed: ", result.StderrTail[^1], StringComparison.Ordinal);
        Assert.Contains("no-such-program", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Out_of_memory_is_confirmed_by_the_node_engine()
    {
        var result = await RunAsync(swarm.Invocation("EatsMemory", EatMemory) with { Resources = new TaskResources(MemoryBytes: SixteenMiB) });

        Assert.Equal((137, FailureKind.OutOfMemory), (result.ExitCode, result.Failure));
        Assert.StartsWith("ran out of memory (limit 16 MiB)", result.Message, StringComparison.Ordinal);
        Assert.Equal($"swarm: {result.Message}", result.StderrTail[^1]);
    }

    [Fact]
    public async Task Out_of_memory_without_a_node_engine_to_ask_is_probable_from_exit_137_under_a_limit()
    {
        var result = await RunAsync(swarm.Invocation("EatsMemoryUnasked", EatMemory) with { Resources = new TaskResources(MemoryBytes: SixteenMiB) }, nodeEngines: false);

        Assert.Equal(FailureKind.OutOfMemory, result.Failure);
        Assert.StartsWith("exit 137, probably out of memory (limit 16 MiB)", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Image_missing_on_the_node_is_an_infrastructure_failure_with_a_hint_to_load_it_everywhere()
    {
        var result = await RunAsync(swarm.Invocation("NoImage", "true") with { Image = $"{BusyboxTestImage.Repository}:absent" });

        Assert.Equal(FailureKind.Infrastructure, result.Failure);
        Assert.Matches(@"^image wine-test/busybox:absent is not on node swarmtest-\d; load it on every node", result.Message);
    }

    [Fact]
    public async Task Bind_source_missing_on_the_node_says_the_data_root_is_not_shared_at_that_path()
    {
        var unshared = Path.Combine(swarm.NewDataRoot(), "not-on-the-nodes");

        var result = await RunAsync(swarm.Invocation("NoDataRoot", "true"), dataRoot: unshared);

        Assert.Equal(FailureKind.Infrastructure, result.Failure);
        Assert.Matches($@"^{unshared} does not exist on node swarmtest-\d: the data root is not shared at that path", result.Message);
    }

    [Fact]
    public async Task A_constraint_no_node_meets_fails_after_the_timeout_naming_the_constraint()
    {
        var invocation = swarm.Invocation("NeedsGpuLabel", "true") with { Constraints = ["node.labels.gpu==true"], Timeout = TimeSpan.FromSeconds(3) };

        var result = await RunAsync(invocation);

        Assert.Equal(FailureKind.Unschedulable, result.Failure);
        Assert.Equal(
            "no node took the task within 3 s (no suitable node (scheduling constraints not satisfied on 3 nodes)); it needs node.labels.gpu==true: "
            + "label a node to match (docker node update --label-add KEY=VALUE NODE) or change the constraint",
            result.Message);
    }

    [Fact]
    public async Task A_gpu_task_goes_only_to_nodes_labelled_for_gpus()
    {
        var result = await RunAsync(swarm.Invocation("WantsGpu", "true") with { Resources = new TaskResources(Gpus: 1), Timeout = TimeSpan.FromSeconds(3) });

        Assert.Equal(FailureKind.Unschedulable, result.Failure);
        Assert.Contains("it needs node.labels.gpu==true", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_still_running_at_its_timeout_is_stopped_and_fails_as_timed_out()
    {
        var result = await RunAsync(swarm.Invocation("Sleeps", "sleep 60") with { Timeout = TimeSpan.FromSeconds(4) });

        Assert.Equal(FailureKind.Timeout, result.Failure);
        Assert.StartsWith("still running after its timeout of 4 s", result.Message, StringComparison.Ordinal);
    }

    private async Task<ExecutionResult> RunAsync(TaskInvocation invocation, bool nodeEngines = true, string? dataRoot = null)
    {
        using var executor = SwarmFixture.Executor(dataRoot ?? swarm.NewDataRoot(), nodeEngines);
        var log = new RecordingLog();

        var result = await executor.ExecuteAsync(invocation, log, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Empty(await swarm.ServicesOfTaskAsync(invocation.TaskId));
        return result;
    }
}
