namespace Orchestrator.Planning;

/// <summary>Every task needed for the targets, in dependency order, each marked complete or to run with the reason.</summary>
internal sealed record ExecutionPlan(IReadOnlyList<string> Targets, IReadOnlyList<PlannedTask> Tasks)
{
    public IEnumerable<PlannedTask> ToRun => Tasks.Where(task => task.WillRun);

    public int CompleteCount => Tasks.Count(task => !task.WillRun);
}
