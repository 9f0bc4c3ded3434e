using WinePipeline.Orchestrator.Execution;
using WinePipeline.Orchestrator.Execution.Failures;
using WinePipeline.Orchestrator.Tests.Support;

namespace WinePipeline.Orchestrator.Tests.Execution;

/// <summary>The engine retries by the kind of failure, as the task's (or the run's) retry policy says, on a recording stand-in executor.</summary>
public class RetryByFailureTests
{
    private const long Mebibyte = 1024 * 1024;

    [Fact]
    public async Task A_lost_node_is_retried_without_any_retries_option_and_the_retry_is_announced_with_the_reason()
    {
        using var dataRoot = new TempDirectory();
        var time = new InstantTimeProvider();
        var executor = new RecordingExecutor(dataRoot.Path) { Infrastructure = invocation => invocation.Attempt == 0 ? ClassifiedFailure.NodeLost("node-2") : null };

        var result = await CliRunner.RunGraphAsync(["A"], executor, ["run", "A", "--data-root", dataRoot.Path], time);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, executor.Invocations.Count);
        Assert.Contains(result.OutLines, line => line.StartsWith("--- A attempt 0 failed: node node-2 was lost while the task ran on it; retry 1 in ", StringComparison.Ordinal));
        Assert.InRange(Assert.Single(time.Delays), TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_rejected_task_failing_every_time_fails_after_three_retries_with_its_message_as_the_reason()
    {
        using var dataRoot = new TempDirectory();
        var executor = new RecordingExecutor(dataRoot.Path) { Infrastructure = _ => ClassifiedFailure.ImageMissing("test/step-a:1", "node-3") };

        var result = await CliRunner.RunGraphAsync(["A"], executor, ["run", "A", "--data-root", dataRoot.Path], new InstantTimeProvider());

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(4, executor.Invocations.Count);
        Assert.Contains("task A failed: image test/step-a:1 is not on node node-3; load it on every node", result.Error, StringComparison.Ordinal);
        Assert.Contains("after 4 attempts", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Out_of_memory_is_retried_with_the_larger_memory_limit_the_tasks_policy_names()
    {
        using var dataRoot = new TempDirectory();
        var task = TestGraph.Tasks("A")[0] with
        {
            Resources = new TaskResources(MemoryBytes: 512 * Mebibyte),
            Retry = new RetryPolicy { OutOfMemoryLimits = [1024 * Mebibyte] },
        };
        var executor = new RecordingExecutor(dataRoot.Path)
        {
            Infrastructure = invocation => invocation.Resources.MemoryBytes < 1024 * Mebibyte ? ClassifiedFailure.OutOfMemory(invocation.Resources.MemoryBytes, confirmed: true) : null,
        };

        var result = await CliRunner.RunAsync(["run", "A", "--data-root", dataRoot.Path], environment => environment with
        {
            Pipeline = _ => [task],
            CreateExecutor = (_, _, _) => Task.FromResult<ITaskExecutor>(executor),
        }, new InstantTimeProvider());

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([512 * Mebibyte, 1024 * Mebibyte], executor.Invocations.Select(invocation => invocation.Resources.MemoryBytes!.Value));
        Assert.Contains(result.OutLines, line => line.StartsWith("--- A attempt 0 failed: ran out of memory (limit 512 MiB)", StringComparison.Ordinal) && line.Contains("; retry 1 with a memory limit of 1024 MiB in 1s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Out_of_memory_is_not_retried_when_the_policy_names_no_larger_limit_even_with_retries()
    {
        using var dataRoot = new TempDirectory();
        var executor = new RecordingExecutor(dataRoot.Path) { Infrastructure = _ => ClassifiedFailure.OutOfMemory(null, confirmed: true) };

        var result = await CliRunner.RunGraphAsync(["A"], executor, ["run", "A", "--data-root", dataRoot.Path, "--retries", "3"], new InstantTimeProvider());

        Assert.Equal(1, result.ExitCode);
        Assert.Single(executor.Invocations);
        Assert.Contains("task A failed: ran out of memory (no memory limit)", result.Error, StringComparison.Ordinal);
    }
}
