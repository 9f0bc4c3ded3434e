using WinePipeline.Orchestrator.Execution;
using WinePipeline.Orchestrator.Execution.Observation;
using WinePipeline.Orchestrator.Planning;

namespace WinePipeline.Orchestrator.History;

/// <summary>Writes a run into the history as the engine walks it: the run, each attempt, and the metrics at the end.</summary>
public sealed class HistoryRecorder(RunHistory history, RunTrigger trigger, string dataRoot, TimeProvider time) : IRunObserver
{
    public void RunStarted(string runId, ExecutionPlan plan) => history.RunStarted(runId, trigger, time.GetUtcNow());

    public void TaskStateChanged(string runId, TaskReport report)
    {
        var now = time.GetUtcNow();
        if (report.Status == ExecutionStatus.Running)
        {
            // A retry starting means the attempt before it failed.
            if (report.Attempts > 1)
            {
                FinishAttempt(runId, report, report.Attempts - 2, now, "failed", $"exit code {report.LastResult?.ExitCode}");
            }

            history.AttemptStarted(runId, report.Task.Id, report.Attempts - 1, now, report.LogPath);
        }
        else if (report.Attempts > 0)
        {
            FinishAttempt(runId, report, report.Attempts - 1, now, report.Status.ToString().ToLowerInvariant(), report.State.Reason);
        }
    }

    public void TaskLogLine(string runId, string taskId, int attempt, LogStream stream, string text)
    {
    }

    public void RunFinished(RunReport report)
    {
        var evaluated = report.Tasks.Any(task => task.Task.Id == RunMetrics.EvaluateTask && task.Status == ExecutionStatus.Succeeded);
        var metrics = evaluated ? RunMetrics.Archive(dataRoot, report.RunId) : null;
        history.RunFinished(report.RunId, time.GetUtcNow(), RunOutcome.Of(report), report.SummaryLine, metrics);
    }

    private void FinishAttempt(string runId, TaskReport report, int attempt, DateTimeOffset now, string status, string reason) =>
        history.AttemptFinished(runId, report.Task.Id, attempt, now, status, report.LastResult?.ExitCode, reason);
}
