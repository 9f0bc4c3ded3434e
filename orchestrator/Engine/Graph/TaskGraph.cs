namespace Orchestrator.Graph;

/// <summary>
/// A validated directed acyclic graph of tasks. Creating one checks every dependency and rejects
/// cycles, so nothing can run from a broken graph.
/// </summary>
internal sealed partial class TaskGraph
{
    private readonly Dictionary<string, TaskDefinition> byId;
    private readonly Dictionary<string, int> topologicalIndex;

    private TaskGraph(IReadOnlyList<TaskDefinition> declared, Dictionary<string, TaskDefinition> byId, IReadOnlyList<TaskDefinition> topological)
    {
        Declared = declared;
        this.byId = byId;
        Tasks = topological;
        topologicalIndex = new Dictionary<string, int>(topological.Count, StringComparer.Ordinal);
        for (var i = 0; i < topological.Count; i++)
        {
            topologicalIndex[topological[i].Id] = i;
        }
    }

    /// <summary>Tasks in declaration order.</summary>
    public IReadOnlyList<TaskDefinition> Declared { get; }

    /// <summary>Tasks in dependency order: every task comes after all of its dependencies.</summary>
    public IReadOnlyList<TaskDefinition> Tasks { get; }

    /// <summary>Validates the tasks and builds the graph; throws <see cref="InvalidGraphException"/>.</summary>
    public static TaskGraph Create(IEnumerable<TaskDefinition> tasks)
    {
        var declared = tasks.ToList();
        var byId = Index(declared);
        return new TaskGraph(declared, byId, SortTopologically(declared, byId));
    }

    /// <summary>The task with this id; an unknown id throws, listing the known ones.</summary>
    public TaskDefinition Get(string id) =>
        byId.TryGetValue(id, out var task) ? task : throw InvalidGraphException.UnknownTask(id, Declared.Select(t => t.Id));

    /// <summary>The targets and everything they depend on, transitively, in dependency order.</summary>
    public IReadOnlyList<TaskDefinition> UpstreamOf(IEnumerable<string> targets)
    {
        var needed = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(targets.Select(id => Get(id).Id));
        while (stack.TryPop(out var id))
        {
            if (needed.Add(id))
            {
                foreach (var dependency in byId[id].DependsOn)
                {
                    stack.Push(dependency);
                }
            }
        }

        return needed.Select(id => byId[id]).OrderBy(task => topologicalIndex[task.Id]).ToList();
    }
}
