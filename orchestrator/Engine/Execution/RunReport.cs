using Orchestrator.Planning;

namespace Orchestrator.Execution;

/// <summary>The outcome of a run, task by task in dependency order.</summary>
internal sealed record RunReport(string RunId, IReadOnlyList<TaskReport> Tasks)
{
    public int Ran => Count(ExecutionStatus.Succeeded);

    public int AlreadyComplete => Count(ExecutionStatus.Complete);

    public int Failed => Count(ExecutionStatus.Failed);

    public bool Cancelled => Tasks.Any(task => task.Status == ExecutionStatus.Aborted);

    /// <summary>Exactly the last line every run prints.</summary>
    public string SummaryLine => FormatSummary(Ran, AlreadyComplete, Failed);

    public static string FormatSummary(int ran, int alreadyComplete, int failed) =>
        $"summary: {ran} ran, {alreadyComplete} already complete, {failed} failed";

    public static RunReport FromPlan(string runId, ExecutionPlan plan) =>
        new(runId, plan.Tasks.Select(planned => new TaskReport(planned.Task, planned.State)).ToList());

    private int Count(ExecutionStatus status) => Tasks.Count(task => task.Status == status);
}
