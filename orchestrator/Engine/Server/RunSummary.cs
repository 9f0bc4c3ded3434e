using Orchestrator.History;
using Orchestrator.Runs;

namespace Orchestrator.Server;

/// <summary>A run as the runs table shows it, with the pipeline's report columns.</summary>
internal static class RunSummary
{
    public static object Of(RunRecord run, ReportSpec report)
    {
        var metrics = RunMetrics.Parse(run.Metrics);
        return new
        {
            id = run.Id,
            trigger = run.Trigger,
            started = run.Started,
            ended = run.Ended,
            durationSeconds = run.Duration?.TotalSeconds,
            outcome = run.Outcome.Name(),
            summary = run.Summary,
            parameters = run.Parameters,
            columns = report.Columns.ToDictionary(column => column, column => metrics.TryGetValue(column, out var value) ? value : (double?)null),
        };
    }
}
