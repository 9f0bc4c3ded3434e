using Orchestrator.Execution.Observation;
using Orchestrator.Planning;

namespace Orchestrator.Execution;

internal sealed partial class ExecutionEngine
{
    /// <summary>The exit code recorded when the executor itself failed, so no process exit code exists.</summary>
    public const int ExecutorErrorExitCode = -1;

    private async Task<TaskReport> RunTaskAsync(TaskReport report, string runId, CancellationToken cancellation)
    {
        // Leave the scheduling loop before the executor does any synchronous work.
        await Task.Yield();
        var task = report.Task;
        var started = time.GetUtcNow();
        output.WriteLine($"==> {task.Id} started at {Timestamps.Format(started)}");

        var outcome = await RunAttemptsAsync(report, runId, cancellation);

        var duration = time.GetUtcNow() - started;
        output.WriteLine($"<== {task.Id} {outcome.Status.ToString().ToLowerInvariant()} at {Timestamps.Format(time.GetUtcNow())} after {duration.TotalSeconds:0.0}s{Detail(outcome)}");
        return outcome with { Duration = duration };
    }

    private static string Detail(TaskReport outcome) =>
        outcome.Status == ExecutionStatus.Succeeded && outcome.Attempts <= 1 ? string.Empty : $": {outcome.State.Reason}";

    private async Task<TaskReport> RunAttemptsAsync(TaskReport report, string runId, CancellationToken cancellation)
    {
        var task = report.Task;
        var resources = task.Resources;
        var failures = new Dictionary<FailureKind, int>();
        for (var attempt = 0; ; attempt++)
        {
            var invocation = TaskInvocation.Of(task, runId, attempt, executor.TaskDataRoot) with { Resources = resources };
            using var log = TaskLogFile.Create(options.LogDirectory, task.Id, attempt, output);
            report = report with { State = new TaskState(ExecutionStatus.Running, attempt == 0 ? "started" : $"retry {attempt} started"), Attempts = attempt + 1, LogPath = log.Path };
            observer.TaskStateChanged(runId, report);
            try
            {
                var observed = DataRootPathLog.For(new ObservedTaskLog(log, observer, runId, task.Id, attempt), executor.TaskDataRoot, options.DataRoot);
                promotion.Prepare(task);
                var result = await ExecuteAsync(invocation, observed, cancellation);
                if (result.Succeeded)
                {
                    result = await promotion.PromoteAsync(task, result, runId, observed, CancellationToken.None);
                }
                else
                {
                    promotion.KeepFailed(task, runId);
                }

                report = report with { LastResult = result };
                if (result.Succeeded)
                {
                    return report with { State = new TaskState(ExecutionStatus.Succeeded, Attempts(attempt, "succeeded")) };
                }

                // A step that got the same Ctrl-C may exit on its own before the token is seen here: still aborted, not failed.
                cancellation.ThrowIfCancellationRequested();

                failures[result.Failure] = failures.GetValueOrDefault(result.Failure) + 1;
                if (RetryDecision.Next(task, result, failures[result.Failure], options.Retries, resources) is not { } next)
                {
                    return report with { State = new TaskState(ExecutionStatus.Failed, Attempts(attempt, result.Describe())) };
                }

                var delay = options.DelayBeforeRetry(attempt + 1);
                var change = next.MemoryBytes != resources.MemoryBytes ? $" with {TaskResources.FormatMemory(next.MemoryBytes!.Value)} of memory" : string.Empty;
                output.WriteLine($"--- {task.Id} attempt {attempt} failed ({result.Describe()}); retry {attempt + 1}{change} in {delay.TotalSeconds:0.###}s");
                resources = next;
                await Task.Delay(delay, time, cancellation);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                promotion.KeepFailed(task, runId);
                return report with { State = new TaskState(ExecutionStatus.Aborted, "run cancelled while it was running") };
            }
        }
    }

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
            return new ExecutionResult(ExecutorErrorExitCode, $"{executor.Name} executor for task {invocation.TaskId}", [e.Message])
            {
                Failure = FailureKind.Infrastructure,
                Message = $"the {executor.Name} executor failed: {e.Message}",
            };
        }
    }

    private static string Attempts(int lastAttempt, string what) =>
        lastAttempt == 0 ? what : $"{what} after {lastAttempt + 1} attempts";
}
