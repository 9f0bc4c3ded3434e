namespace Orchestrator;

/// <summary>
/// What the history, the UI and notifications show of a run: a title, the task whose JSON metrics
/// file is recorded, which of its numbers are columns, and which output files are plots to archive.
/// </summary>
public sealed record ReportSpec(string Title, OutputRef? Metrics, IReadOnlyList<string> Columns, IReadOnlyList<OutputRef> Plots)
{
    public static ReportSpec Empty(string title) => new(title, null, [], []);
}
