using Orchestrator.Execution;
using Orchestrator.Execution.Failures;
using Orchestrator.Graph;
using Orchestrator.Tests.Support;

namespace Orchestrator.Tests.Execution;

/// <summary>The engine retries by the kind of failure, as the task's retry policy says, on a recording stand-in executor.</summary>
public class RetryByFailureTests
{
    private const long Mebibyte = 1 << 20;

    [Fact]
    public async Task A_lost_node_is_retried_without_any_retries_option_and_the_retry_names_the_reason()
    {
        using var dataRoot = new TempDirectory();
        var executor = new FailingFirst(new RecordingExecutor(dataRoot.Path), invocation => invocation.Attempt == 0 ? ClassifiedFailure.NodeLost("node-2") : null);

        var result = await CliRunner.RunGraphAsync(["A"], executor, ["run", "A", "--data-root", dataRoot.Path], new InstantTimeProvider());

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, executor.Attempts);
        Assert.Contains(result.OutLines, line => line.StartsWith("--- A attempt 0 failed (node node-2 was lost while the task ran on it); retry 1 in ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_task_rejected_every_time_fails_after_three_retries_with_the_rejection_as_its_reason()
    {
        using var dataRoot = new TempDirectory();
        var executor = new FailingFirst(new RecordingExecutor(dataRoot.Path), _ => ClassifiedFailure.ImageMissing("test/step-a:1", "node-3"));

        var result = await CliRunner.RunGraphAsync(["A"], executor, ["run", "A", "--data-root", dataRoot.Path], new InstantTimeProvider());

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(4, executor.Attempts);
        Assert.Contains("image test/step-a:1 is not on node node-3; load it on every node", result.Error, StringComparison.Ordinal);
        Assert.Contains("after 4 attempts", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Out_of_memory_is_retried_once_with_the_memory_the_tasks_policy_names()
    {
        using var dataRoot = new TempDirectory();
        var pipeline = new PipelineBuilder("test");
        TestGraph.Declare(pipeline, "A")["A"].Resources(memory: "512m").Retry(new RetryPolicy(MemoryAfterOutOfMemory: 1024 * Mebibyte));
        var recording = new RecordingExecutor(dataRoot.Path);
        var executor = new FailingFirst(recording, invocation =>
            invocation.Resources.MemoryBytes < 1024 * Mebibyte ? ClassifiedFailure.OutOfMemory(invocation.Resources.MemoryBytes, confirmed: true) : null);

        var result = await CliRunner.RunPipelineAsync(pipeline.Build(), executor, ["run", "A", "--data-root", dataRoot.Path], new InstantTimeProvider());

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([1024 * Mebibyte], recording.Invocations.Select(invocation => invocation.Resources.MemoryBytes!.Value));
        Assert.Contains(result.OutLines, line => line.StartsWith("--- A attempt 0 failed (ran out of memory (limit 512 MiB)", StringComparison.Ordinal) && line.Contains("; retry 1 with 1 GiB of memory in ", StringComparison.Ordinal));
    }

    /// <summary>Fails an attempt with what the infrastructure did to it, or lets the recording executor run it.</summary>
    private sealed class FailingFirst(RecordingExecutor inner, Func<TaskInvocation, ClassifiedFailure?> infrastructure) : ITaskExecutor
    {
        private int attempts;

        public int Attempts => attempts;

        public string Name => inner.Name;

        public string TaskDataRoot => inner.TaskDataRoot;

        public Task EnsureReadyAsync(IReadOnlyCollection<TaskDefinition> tasks, CancellationToken cancellation) => inner.EnsureReadyAsync(tasks, cancellation);

        public Task<ExecutionResult> ExecuteAsync(TaskInvocation invocation, ITaskLog log, CancellationToken cancellation)
        {
            Interlocked.Increment(ref attempts);
            return infrastructure(invocation) is { } failure
                ? Task.FromResult(failure.ToResult(ExecutionEngine.ExecutorErrorExitCode, "infrastructure stand-in", [failure.Message]))
                : inner.ExecuteAsync(invocation, log, cancellation);
        }
    }
}
