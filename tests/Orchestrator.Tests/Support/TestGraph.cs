using Orchestrator.Graph;

namespace Orchestrator.Tests.Support;

/// <summary>
/// Builds real pipelines in one line: TestGraph.Pipeline("A", "B:A", "C:A", "D:B,C"), where "D:B,C" means
/// D reads the outputs of B and C. Each task runs image test/step-&lt;id&gt;:1 with arguments
/// "--id X", "--in ${Dependency.out}" for each dependency and "--out-dir ${out}", and writes "&lt;Id&gt;.out".
/// </summary>
internal static class TestGraph
{
    public static readonly string[] Chain = ["A", "B:A", "C:B"];
    public static readonly string[] Diamond = ["A", "B:A", "C:A", "D:B,C"];

    public static Pipeline Pipeline(params string[] specs)
    {
        var pipeline = new PipelineBuilder("test");
        foreach (var spec in specs)
        {
            Declare(pipeline, spec);
        }

        return pipeline.Build();
    }

    /// <summary>Adds the tasks to <paramref name="pipeline"/>, for tests that declare more (outputs, a report).</summary>
    public static IReadOnlyDictionary<string, TaskBuilder> Declare(PipelineBuilder pipeline, params string[] specs) =>
        specs.Select(spec => Declare(pipeline, spec)).ToDictionary(task => task.Id, StringComparer.Ordinal);

    /// <summary>The pipeline's task graph (its tasks have no parameters).</summary>
    public static TaskGraph Graph(params string[] specs) => Pipeline(specs).Resolve(new Dictionary<string, string>());

    public static IReadOnlyList<TaskDefinition> Tasks(params string[] specs) => Graph(specs).Declared;

    /// <summary>Every test task has one output file, "&lt;Id&gt;.out", in the data root.</summary>
    public static string OutputOf(string id) => $"{id}.out";

    private static TaskBuilder Declare(PipelineBuilder pipeline, string spec)
    {
        var parts = spec.Split(':');
        var id = parts[0];
        var dependsOn = parts.Length > 1 ? parts[1].Split(',') : [];
        return pipeline.Task(id)
            .Image($"test/step-{id.ToLowerInvariant()}:1")
            .Args(["--id", id, .. dependsOn.SelectMany(dependency => new object[] { "--in", new OutputRef(dependency, "out") }), "--out-dir", Out.Directory])
            .Output("out", OutputOf(id));
    }
}
