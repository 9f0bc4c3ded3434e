using WinePipeline.Orchestrator.Cli;
using WinePipeline.Orchestrator.Execution;
using WinePipeline.Orchestrator.History;
using WinePipeline.Orchestrator.Planning;

namespace WinePipeline.Orchestrator.Notifications;

public enum RunNotificationOutcome
{
    Succeeded,
    NothingToDo,
    Failed,
    Cancelled,
}

/// <summary>The task that failed: its exit code and the last lines of its stderr.</summary>
public sealed record FailedTaskDetail(string TaskId, int ExitCode, IReadOnlyList<string> StderrTail);

/// <summary>What a notification says about one run.</summary>
/// <param name="Trigger">What started the run, e.g. "schedule '0 0 3 * * ?'" or "manual".</param>
/// <param name="SummaryLine">The run's summary line ("summary: 2 ran, 6 already complete, 0 failed").</param>
/// <param name="MetricsJson">The content of output/metrics.json, if there is one.</param>
/// <param name="PlotPaths">PNG plots to attach to the email.</param>
public sealed record RunNotification(
    string RunId,
    string Trigger,
    RunNotificationOutcome Outcome,
    string SummaryLine,
    FailedTaskDetail? FailedTask,
    TimeSpan Duration,
    string? MetricsJson,
    IReadOnlyList<string> PlotPaths)
{
    /// <summary>From a finished run, reading metrics.json and the PNG plots from data_root/output.</summary>
    public static RunNotification FromReport(RunReport report, int exitCode, string trigger, TimeSpan duration, string dataRoot)
    {
        var outcome = report.Failed > 0 || exitCode == ExitCodes.TaskFailed ? RunNotificationOutcome.Failed
            : report.Cancelled || exitCode == ExitCodes.Cancelled ? RunNotificationOutcome.Cancelled
            : exitCode != ExitCodes.Success ? RunNotificationOutcome.Failed
            : report.Ran == 0 ? RunNotificationOutcome.NothingToDo
            : RunNotificationOutcome.Succeeded;
        var failed = report.Tasks.FirstOrDefault(task => task.Status == ExecutionStatus.Failed);
        var output = Path.Combine(dataRoot, RunMetrics.OutputDirectory);
        var metrics = Path.Combine(output, RunMetrics.MetricsFile);
        return new RunNotification(
            report.RunId,
            trigger,
            outcome,
            report.SummaryLine,
            failed is null ? null : new FailedTaskDetail(failed.Task.Id, failed.LastResult?.ExitCode ?? -1, failed.LastResult?.StderrTail ?? []),
            duration,
            File.Exists(metrics) ? File.ReadAllText(metrics) : null,
            Directory.Exists(output) ? Directory.GetFiles(output, "*.png").Order(StringComparer.Ordinal).ToList() : []);
    }
}
