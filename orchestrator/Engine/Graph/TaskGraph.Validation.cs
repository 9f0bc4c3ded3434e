namespace Orchestrator.Graph;

internal sealed partial class TaskGraph
{
    private enum Mark
    {
        Unvisited,
        OnPath,
        Done,
    }

    private static Dictionary<string, TaskDefinition> Index(IReadOnlyList<TaskDefinition> tasks)
    {
        var byId = new Dictionary<string, TaskDefinition>(tasks.Count, StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            if (!byId.TryAdd(task.Id, task))
            {
                throw InvalidGraphException.DuplicateTask(task.Id);
            }
        }

        foreach (var task in tasks)
        {
            var missing = task.DependsOn.FirstOrDefault(dependency => !byId.ContainsKey(dependency));
            if (missing is not null)
            {
                throw InvalidGraphException.MissingDependency(task.Id, missing);
            }
        }

        return byId;
    }

    // Iterative depth-first search: a generated graph may be a chain thousands of tasks deep.
    private static List<TaskDefinition> SortTopologically(IReadOnlyList<TaskDefinition> tasks, Dictionary<string, TaskDefinition> byId)
    {
        var marks = new Dictionary<string, Mark>(tasks.Count, StringComparer.Ordinal);
        var order = new List<TaskDefinition>(tasks.Count);
        var path = new List<(TaskDefinition Task, int NextDependency)>();

        foreach (var root in tasks)
        {
            if (marks.GetValueOrDefault(root.Id) != Mark.Unvisited)
            {
                continue;
            }

            marks[root.Id] = Mark.OnPath;
            path.Add((root, 0));
            while (path.Count > 0)
            {
                var (task, next) = path[^1];
                if (next == task.DependsOn.Count)
                {
                    path.RemoveAt(path.Count - 1);
                    marks[task.Id] = Mark.Done;
                    order.Add(task);
                    continue;
                }

                path[^1] = (task, next + 1);
                var dependency = byId[task.DependsOn[next]];
                switch (marks.GetValueOrDefault(dependency.Id))
                {
                    case Mark.Unvisited:
                        marks[dependency.Id] = Mark.OnPath;
                        path.Add((dependency, 0));
                        break;
                    case Mark.OnPath:
                        throw InvalidGraphException.Cycle(CyclePath(path, dependency.Id));
                }
            }
        }

        return order;
    }

    // The search walks from a task to its dependencies; the cycle is shown in that direction, closed on its first task.
    private static IEnumerable<string> CyclePath(List<(TaskDefinition Task, int NextDependency)> path, string repeated)
    {
        var start = path.FindIndex(entry => entry.Task.Id == repeated);
        return path.Skip(start).Select(entry => entry.Task.Id).Append(repeated);
    }
}
