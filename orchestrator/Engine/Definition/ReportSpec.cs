namespace Orchestrator;

/// <summary>
/// What the history, the UI and notifications show of a run: a title, the task whose JSON metrics
/// file is recorded, which of its numbers are columns, and which output files are plots to archive.
/// </summary>
public sealed record ReportSpec(string Title, OutputRef? Metrics, IReadOnlyList<string> Columns, IReadOnlyList<OutputRef> Plots)
{
    /// <summary>A swept task's output holding each variant's JSON metrics, recorded per variant; <see cref="SweepMetric"/> ranks them (lowest first).</summary>
    public OutputRef? SweepMetrics { get; init; }

    /// <summary>The number variants are ranked by, e.g. "validation.mse" (nested JSON names joined with dots).</summary>
    public string? SweepMetric { get; init; }

    /// <summary>Output files (PNG) comparing a sweep's variants, archived with each run that wrote them and shown in its experiment view.</summary>
    public IReadOnlyList<OutputRef> SweepPlots { get; init; } = [];

    public static ReportSpec Empty(string title) => new(title, null, [], []);
}
