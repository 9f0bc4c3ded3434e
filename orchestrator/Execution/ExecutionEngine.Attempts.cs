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
        for (var attempt = 0; ; attempt++)
        {
            var invocation = TaskInvocation.Of(task, runId, attempt);
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

                if (attempt == options.Retries)
                {
                    return report with { State = new TaskState(ExecutionStatus.Failed, Attempts(attempt, $"exit code {result.ExitCode}")) };
                }

                var delay = options.DelayBeforeRetry(attempt + 1);
                output.WriteLine($"--- {task.Id} attempt {attempt} exited with code {result.ExitCode}; retry {attempt + 1} of {options.Retries} in {delay.TotalSeconds:0.###}s");
                await Task.Delay(delay, time, cancellation);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
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
            return new ExecutionResult(ExecutorErrorExitCode, $"{executor.Name} executor for step {invocation.Step}", [e.Message]);
        }
    }

    private static string Attempts(int lastAttempt, string what) =>
        lastAttempt == 0 ? what : $"{what} after {lastAttempt + 1} attempts";
}
