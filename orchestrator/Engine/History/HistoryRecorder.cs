using Orchestrator.Execution;
using Orchestrator.Execution.Observation;
using Orchestrator.Planning;
using Orchestrator.Runs;

namespace Orchestrator.History;

/// <summary>
/// Writes a run into the history as the engine walks it: the run with its parameter values, each attempt,
/// and at the end the report's metrics and plots when the task producing them ran.
/// </summary>
internal sealed class HistoryRecorder(RunHistory history, RunTrigger trigger, string dataRoot, ReportSpec spec, IReadOnlyDictionary<string, string> parameters, TimeProvider time) : IRunObserver
{
    public void RunStarted(string runId, ExecutionPlan plan) => history.RunStarted(runId, trigger, time.GetUtcNow(), parameters);

    public void TaskStateChanged(string runId, TaskReport report)
    {
        var now = time.GetUtcNow();
        if (report.Status == ExecutionStatus.Running)
        {
            // A retry starting means the attempt before it failed.
            if (report.Attempts > 1)
            {
                FinishAttempt(runId, report, report.Attempts - 2, now, "failed", report.LastResult?.Describe());
            }

            history.AttemptStarted(runId, report.Task.Id, report.Attempts - 1, now, report.LogPath);
        }
        else if (report.Attempts > 0)
        {
            FinishAttempt(runId, report, report.Attempts - 1, now, report.Status.ToString().ToLowerInvariant(), report.State.Reason);
        }

        if (report.Task.Group is { } sweep && report.Status is ExecutionStatus.Succeeded or ExecutionStatus.Failed or ExecutionStatus.Aborted or ExecutionStatus.NotRun)
        {
            history.VariantFinished(runId, report.Task.Id, sweep, report.Task.VariantValues, report.Status == ExecutionStatus.NotRun ? "not run" : report.Status.ToString().ToLowerInvariant(), report.Duration?.TotalSeconds, VariantMetrics(report));
        }
    }

    public void TaskLogLine(string runId, string taskId, int attempt, LogStream stream, string text)
    {
    }

    public void RunFinished(RunReport runReport)
    {
        string? metrics = null;
        var producers = runReport.Tasks.Where(task => task.Status == ExecutionStatus.Succeeded).ToDictionary(task => task.Task.Id, task => task.Task, StringComparer.Ordinal);
        var metricsPath = spec.Metrics is { } m && producers.TryGetValue(m.TaskId, out var metricsTask) ? metricsTask.NamedOutputs.GetValueOrDefault(m.Name) : null;
        var plots = spec.Plots.Concat(spec.SweepPlots).Where(plot => producers.ContainsKey(plot.TaskId)).Select(plot => producers[plot.TaskId].NamedOutputs.GetValueOrDefault(plot.Name)).OfType<string>().ToList();
        if (metricsPath is not null || plots.Count > 0)
        {
            metrics = RunMetrics.Archive(dataRoot, runReport.RunId, metricsPath, plots);
        }

        history.RunFinished(runReport.RunId, time.GetUtcNow(), RunOutcomes.Of(runReport), runReport.SummaryLine, metrics);
    }

    private string? VariantMetrics(TaskReport report)
    {
        if (report.Status != ExecutionStatus.Succeeded || spec.SweepMetrics is not { } metrics || metrics.TaskId != report.Task.Group
            || report.Task.NamedOutputs.GetValueOrDefault(metrics.Name) is not { } path)
        {
            return null;
        }

        try
        {
            return File.ReadAllText(Path.Combine(dataRoot, path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private void FinishAttempt(string runId, TaskReport report, int attempt, DateTimeOffset now, string status, string? reason) =>
        history.AttemptFinished(runId, report.Task.Id, attempt, now, status, report.LastResult?.ExitCode, reason);
}
