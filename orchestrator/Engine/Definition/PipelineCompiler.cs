using Orchestrator.Graph;

namespace Orchestrator.Definition;

/// <summary>
/// Turns a definition and parameter values into a validated task graph. Every problem is collected
/// and reported together, one line each: unknown references, paths no task writes, two producers of
/// one path, bad names and paths, and cycles (with their path).
/// </summary>
internal static class PipelineCompiler
{
    public static TaskGraph Compile(Pipeline pipeline, IReadOnlyDictionary<string, string> values)
    {
        var problems = new List<string>();
        var specs = SweepExpansion.Expand(pipeline.Tasks, values, problems);
        var producers = Producers(specs, problems);
        var tasks = specs.Select(task => new TaskCompilation(task, specs, pipeline, values, producers, problems).Compile()).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidPipelineException(problems);
        }

        try
        {
            return TaskGraph.Create(tasks);
        }
        catch (InvalidGraphException e)
        {
            throw new InvalidPipelineException([e.Message]);
        }
    }

    /// <summary>Where each task's outputs land, and which task writes each path.</summary>
    private static Dictionary<string, (TaskSpec Task, string Output)> Producers(IReadOnlyList<TaskSpec> specs, List<string> problems)
    {
        var byPath = new Dictionary<string, (TaskSpec Task, string Output)>(StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var task in specs)
        {
            var at = Problems.At(task);
            if (!ids.Add(task.Id))
            {
                problems.Add($"{at}: task {task.Id} is declared more than once");
            }

            if (!TaskIds.IsValid(task.Id))
            {
                problems.Add($"{at}: task id '{task.Id}' may hold only letters, digits and - _ . [ ] = ,");
            }

            if (!DataPaths.IsRelative(task.OutputDirectory, allowEmpty: true))
            {
                problems.Add($"{at}, output-dir: '{task.OutputDirectory}' must be a relative folder inside the data root");
                continue;
            }

            if (task.Completion == Completion.Files && task.Outputs.Count == 0)
            {
                problems.Add($"{at}: declares no outputs; declare its output files, or complete it with a flag");
            }

            foreach (var (name, file) in task.Outputs)
            {
                if (!DataPaths.IsRelative(file, allowEmpty: false))
                {
                    problems.Add($"{at}, outputs.{name}: '{file}' must be a relative path inside its output folder");
                    continue;
                }

                var path = DataPaths.Combine(task.OutputDirectory, file);
                if (byPath.TryGetValue(path, out var other) && other.Task != task)
                {
                    problems.Add($"{at}, outputs.{name}: {path} is also written by task {other.Task.Id}; a path has one producer");
                }
                else if (!byPath.TryAdd(path, (task, name)))
                {
                    problems.Add($"{at}, outputs.{name}: {path} is declared twice");
                }
            }
        }

        return byPath;
    }
}
