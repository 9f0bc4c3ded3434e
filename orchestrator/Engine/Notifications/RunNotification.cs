using Orchestrator.Execution;
using Orchestrator.Planning;
using Orchestrator.Runs;

namespace Orchestrator.Notifications;

/// <summary>The task that failed: its failure in words and the last lines of its stderr.</summary>
internal sealed record FailedTaskDetail(string TaskId, string Failure, IReadOnlyList<string> StderrTail);

/// <summary>What a notification says about one run.</summary>
/// <param name="Pipeline">The pipeline's report title, which starts the subject.</param>
/// <param name="Trigger">What started the run, e.g. "schedule '0 0 3 * * ?'" or "manual".</param>
/// <param name="SummaryLine">The run's summary line ("summary: 2 ran, 6 already complete, 0 failed").</param>
/// <param name="MetricsJson">The pipeline's metrics output, if the run has one.</param>
/// <param name="PlotPaths">PNG plots to attach to the email.</param>
internal sealed record RunNotification(
    string Pipeline,
    string RunId,
    string Trigger,
    RunOutcome Outcome,
    string SummaryLine,
    FailedTaskDetail? FailedTask,
    TimeSpan Duration,
    string? MetricsJson,
    IReadOnlyList<string> PlotPaths)
{
    /// <summary>From a finished run, reading the report's metrics and plots from the data root.</summary>
    public static RunNotification From(RunResult result, Pipeline pipeline, string trigger, TimeSpan duration, string dataRoot)
    {
        var report = result.Report;
        var failed = report.Tasks.FirstOrDefault(task => task.Status == ExecutionStatus.Failed);
        var outputs = report.Tasks.ToDictionary(task => task.Task.Id, task => task.Task.NamedOutputs, StringComparer.Ordinal);
        string? PathOf(OutputRef? output) =>
            output is not null && outputs.TryGetValue(output.TaskId, out var named) && named.TryGetValue(output.Name, out var path) ? Path.Combine(dataRoot, path) : null;

        var metrics = PathOf(pipeline.Report.Metrics);
        return new RunNotification(
            pipeline.Report.Title,
            report.RunId,
            trigger,
            result.Outcome,
            report.SummaryLine,
            failed is null ? null : new FailedTaskDetail(failed.Task.Id, failed.LastResult?.Describe() ?? failed.State.Reason, failed.LastResult?.StderrTail ?? []),
            duration,
            metrics is not null && File.Exists(metrics) ? File.ReadAllText(metrics) : null,
            pipeline.Report.Plots.Select(PathOf).OfType<string>().Where(File.Exists).ToList());
    }
}
