using Orchestrator.Graph;

namespace Orchestrator.Planning;

/// <summary>
/// Decides, without running anything, which tasks the targets need and why. A task runs when it is
/// forced, when one of its outputs is missing or stale, or when an upstream task runs (its inputs will change).
/// </summary>
internal static class Planner
{
    public static ExecutionPlan Plan(TaskGraph graph, IOutputState outputs, IReadOnlyCollection<string> targets, IReadOnlyCollection<string> forced) =>
        Plan(graph, new ExistenceCompletion(outputs), targets, forced);

    /// <summary>Plans with <paramref name="completion"/> deciding, for each task not forced and not below a running one, whether it can be skipped.</summary>
    public static ExecutionPlan Plan(TaskGraph graph, ICompletionState completion, IReadOnlyCollection<string> targets, IReadOnlyCollection<string> forced)
    {
        foreach (var id in forced)
        {
            graph.Get(id);
        }

        var forcedIds = forced.ToHashSet(StringComparer.Ordinal);
        var willRun = new HashSet<string>(StringComparer.Ordinal);
        var planned = new List<PlannedTask>();
        foreach (var task in graph.UpstreamOf(targets))
        {
            var state = Decide(task, completion, forcedIds, willRun);
            if (state.Status == ExecutionStatus.Pending)
            {
                willRun.Add(task.Id);
            }

            planned.Add(new PlannedTask(task, state));
        }

        return new ExecutionPlan(targets.ToList(), planned);
    }

    private static TaskState Decide(TaskDefinition task, ICompletionState completion, HashSet<string> forced, HashSet<string> willRun)
    {
        if (forced.Contains(task.Id))
        {
            return TaskState.Forced();
        }

        var runningUpstream = task.DependsOn.FirstOrDefault(willRun.Contains);
        if (runningUpstream is not null)
        {
            return TaskState.UpstreamWillRun(runningUpstream);
        }

        var checkedState = completion.Check(task);
        return new TaskState(checkedState.IsComplete ? ExecutionStatus.Complete : ExecutionStatus.Pending, checkedState.Reason);
    }
}
