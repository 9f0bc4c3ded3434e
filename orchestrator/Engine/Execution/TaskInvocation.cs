using Orchestrator.Graph;

namespace Orchestrator.Execution;

/// <summary>
/// One attempt of one task, its arguments rendered for where it runs. <see cref="Command"/> is the local
/// program and its first arguments (process executor); containers run <see cref="Image"/> with <see cref="Arguments"/>.
/// </summary>
internal sealed record TaskInvocation(string TaskId, string RunId, int Attempt, string? Image, IReadOnlyList<string> Command, IReadOnlyList<string> Arguments)
{
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public bool NeedsNetwork { get; init; }

    public TaskResources Resources { get; init; } = TaskResources.None;

    public IReadOnlyList<string> Constraints { get; init; } = [];

    public TimeSpan? Timeout { get; init; }

    /// <summary>Where a local process starts: the pipeline's base folder.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>The attempt of <paramref name="task"/>, with data paths under <paramref name="dataRoot"/> as the task sees it.</summary>
    public static TaskInvocation Of(TaskDefinition task, string runId, int attempt, string dataRoot)
    {
        return new(task.Id, runId, attempt, task.Image, Render(task.Command), Render(task.Arguments))
        {
            Environment = task.Environment.ToDictionary(pair => pair.Key, pair => pair.Value.Render(dataRoot, task.Id), StringComparer.Ordinal),
            NeedsNetwork = task.NeedsNetwork,
            Resources = task.Resources,
            Constraints = task.Constraints,
            Timeout = task.Timeout,
            WorkingDirectory = task.BaseDirectory,
        };

        List<string> Render(IReadOnlyList<TaskArgument> arguments) => arguments.Select(argument => argument.Render(dataRoot, task.Id)).ToList();
    }
}
