namespace Orchestrator.Graph;

internal sealed partial class TaskGraph
{
    /// <summary>The task and everything that depends on it, transitively, in dependency order.</summary>
    public IReadOnlyList<TaskDefinition> DownstreamOf(string id)
    {
        var affected = new HashSet<string>(StringComparer.Ordinal) { Get(id).Id };
        foreach (var task in Tasks)
        {
            if (task.DependsOn.Any(affected.Contains))
            {
                affected.Add(task.Id);
            }
        }

        return Tasks.Where(task => affected.Contains(task.Id)).ToList();
    }
}
