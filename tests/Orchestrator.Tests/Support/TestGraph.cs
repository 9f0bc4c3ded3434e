using Orchestrator.Graph;

namespace Orchestrator.Tests.Support;

/// <summary>Builds graphs in one line: TestGraph.Tasks("A", "B:A", "C:A", "D:B,C") where "D:B,C" means D depends on B and C.</summary>
internal static class TestGraph
{
    public static readonly string[] Chain = ["A", "B:A", "C:B"];
    public static readonly string[] Diamond = ["A", "B:A", "C:A", "D:B,C"];

    public static IReadOnlyList<TaskDefinition> Tasks(params string[] specs) => specs.Select(Task).ToList();

    public static TaskGraph Create(params string[] specs) => TaskGraph.Create(Tasks(specs));

    /// <summary>Every test task has one output file, "&lt;Id&gt;.out".</summary>
    public static string OutputOf(string id) => $"{id}.out";

    private static TaskDefinition Task(string spec)
    {
        var parts = spec.Split(':');
        var id = parts[0];
        var dependsOn = parts.Length > 1 ? parts[1].Split(',') : [];
        return new TaskDefinition(
            id,
            dependsOn,
            [TaskOutput.File(OutputOf(id))],
            new Dictionary<string, string>(),
            $"step_{id.ToLowerInvariant()}",
            $"test/step-{id.ToLowerInvariant()}:1",
            ["--id", id]);
    }
}
