using WinePipeline.Orchestrator.Execution;

namespace WinePipeline.Orchestrator.History;

/// <summary>The outcomes a run is recorded with.</summary>
public static class RunOutcome
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
    public const string NothingToDo = "nothing to do";
    public const string Skipped = "skipped";

    public static string Of(RunReport report) =>
        report.Failed > 0 ? Failed
        : report.Cancelled || report.Tasks.Any(task => task.Status == Planning.ExecutionStatus.NotRun) ? Cancelled
        : Succeeded;
}
