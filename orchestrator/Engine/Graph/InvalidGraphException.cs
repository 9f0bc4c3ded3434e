namespace Orchestrator.Graph;

/// <summary>The graph, or a task named on the command line, is wrong; found before anything runs.</summary>
internal sealed class InvalidGraphException : Exception
{
    private InvalidGraphException(string message)
        : base(message)
    {
    }

    public static InvalidGraphException DuplicateTask(string id) =>
        new($"task {id} is defined more than once");

    public static InvalidGraphException MissingDependency(string id, string dependency) =>
        new($"task {id} depends on {dependency}, which is not defined");

    public static InvalidGraphException Cycle(IEnumerable<string> path) =>
        new($"the task graph has a cycle: {string.Join(" -> ", path)}");

    public static InvalidGraphException ForcedTaskNotNeeded(string forced, string target) =>
        new($"--force {forced} has no effect: {target} does not depend on it; force one of the tasks upstream of {target}");

    public static InvalidGraphException UnknownTask(string id, IEnumerable<string> known) =>
        new($"unknown task '{id}'; known tasks: {string.Join(", ", known)}");
}
