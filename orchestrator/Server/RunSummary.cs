using WinePipeline.Orchestrator.History;

namespace WinePipeline.Orchestrator.Server;

/// <summary>A run as the runs table shows it.</summary>
internal static class RunSummary
{
    public static object Of(RunRecord run) => new
    {
        id = run.Id,
        trigger = run.Trigger,
        started = run.Started,
        ended = run.Ended,
        durationSeconds = run.Duration?.TotalSeconds,
        outcome = run.Outcome,
        summary = run.Summary,
        // The wine pipeline's two headline metrics; the page names its columns in one place (runs.js, METRIC_COLUMNS).
        mse = run.Mse,
        r2 = run.R2,
    };
}
