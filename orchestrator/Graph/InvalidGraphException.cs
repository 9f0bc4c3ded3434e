namespace WinePipeline.Orchestrator.Graph;

/// <summary>The graph, or a task named on the command line, is wrong; found before anything runs.</summary>
public sealed class InvalidGraphException : Exception
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

    public static InvalidGraphException UnknownTask(string id, IEnumerable<string> known) =>
        new($"unknown task '{id}'; known tasks: {string.Join(", ", known)}");
}
