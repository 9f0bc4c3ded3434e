using WinePipeline.Orchestrator.Execution.Observation;
using WinePipeline.Orchestrator.Planning;

namespace WinePipeline.Orchestrator.Execution;

public sealed partial class ExecutionEngine
{
    /// <summary>The exit code recorded when the executor itself failed, so no process exit code exists.</summary>
    public const int ExecutorErrorExitCode = -1;

    private async Task<TaskReport> RunTaskAsync(TaskReport report, string runId, CancellationToken cancellation)
    {
        // Leave the scheduling loop before the executor does any synchronous work.
        await Task.Yield();
        var task = report.Task;
        var started = time.GetUtcNow();
        output.WriteLine($"==> {task.Id} started at {started:yyyy-MM-dd'T'HH:mm:ss'Z'}");

        var outcome = await RunAttemptsAsync(report, runId, cancellation);

        var duration = time.GetUtcNow() - started;
        output.WriteLine($"<== {task.Id} {outcome.Status} at {time.GetUtcNow():yyyy-MM-dd'T'HH:mm:ss'Z'} after {duration.TotalSeconds:0.0}s ({outcome.State.Reason})");
        return outcome with { Duration = duration };
    }

    private async Task<TaskReport> RunAttemptsAsync(TaskReport report, string runId, CancellationToken cancellation)
    {
        var task = report.Task;
        var policy = task.Retry ?? options.RetryPolicy;
        var failures = new List<FailureKind>();
        var resources = task.Resources;
        for (var attempt = 0; ; attempt++)
        {
            var invocation = TaskInvocation.Of(task, runId, attempt) with { Resources = resources };
            using var log = TaskLogFile.Create(options.LogDirectory, task.Id, attempt, output);
            report = report with { State = new TaskState(ExecutionStatus.Running, attempt == 0 ? "started" : $"retry {attempt} started"), Attempts = attempt + 1, LogPath = log.Path };
            observer.TaskStateChanged(runId, report);
            try
            {
                var result = await ExecuteAsync(invocation, new ObservedTaskLog(log, observer, runId, task.Id, attempt), cancellation);
                report = report with { LastResult = result };
                if (result.Succeeded)
                {
                    return report with { State = new TaskState(ExecutionStatus.Succeeded, Attempts(attempt, "succeeded")) };
                }

                // A step that got the same Ctrl-C may exit on its own before the token is seen here: still aborted, not failed.
                cancellation.ThrowIfCancellationRequested();

                failures.Add(result.Failure);
                if (policy.Next(failures, resources, Random.Shared.NextDouble()) is not { } retry)
                {
                    return report with { State = new TaskState(ExecutionStatus.Failed, Attempts(attempt, Reason(result))) };
                }

                var memory = retry.Resources.MemoryBytes != resources.MemoryBytes ? $" with a memory limit of {retry.Resources.MemoryBytes / (1024 * 1024)} MiB" : "";
                output.WriteLine($"--- {task.Id} attempt {attempt} {Describe(result)}; retry {attempt + 1}{memory} in {retry.Delay.TotalSeconds:0.###}s");
                resources = retry.Resources;
                await Task.Delay(retry.Delay, time, cancellation);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                return report with { State = new TaskState(ExecutionStatus.Aborted, "run cancelled while it was running") };
            }
        }
    }

    private static string Reason(ExecutionResult result) =>
        result.Failure == FailureKind.Exit || result.Message is null ? $"exit code {result.ExitCode}" : result.Message;

    private static string Describe(ExecutionResult result) =>
        result.Failure == FailureKind.Exit || result.Message is null ? $"exited with code {result.ExitCode}" : $"failed: {result.Message}";

    // An executor that breaks mid-run (engine gone, disk full) fails the attempt with its message rather than the whole run.
    private async Task<ExecutionResult> ExecuteAsync(TaskInvocation invocation, ITaskLog log, CancellationToken cancellation)
    {
        try
        {
            return await executor.ExecuteAsync(invocation, log, cancellation);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.Line(LogStream.Stderr, e.Message);
            return new ExecutionResult(ExecutorErrorExitCode, $"{executor.Name} executor for step {invocation.Step}", [e.Message]);
        }
    }

    private static string Attempts(int lastAttempt, string what) =>
        lastAttempt == 0 ? what : $"{what} after {lastAttempt + 1} attempts";
}
