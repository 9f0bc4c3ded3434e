using Orchestrator.Graph;
using Orchestrator.Planning;
using Orchestrator.Tests.Support;

namespace Orchestrator.Tests.Graph;

public class GraphValidationTests
{
    [Fact]
    public void Cycle_is_rejected_with_its_path()
    {
        var error = Assert.Throws<InvalidPipelineException>(() => TestGraph.Pipeline("A:C", "B:A", "C:B", "D"));

        Assert.Equal(["the task graph has a cycle: A -> C -> B -> A"], error.Problems);
    }

    [Fact]
    public void Task_reading_its_own_output_is_told_to_write_it_into_its_out_folder()
    {
        var error = Assert.Throws<InvalidPipelineException>(() => TestGraph.Pipeline("A:A"));

        Assert.Equal(["task A, args[3]: refers to its own output A.out; write it into ${out}"], error.Problems);
    }

    [Fact]
    public void Reference_to_a_missing_task_names_the_task_the_field_and_the_known_tasks()
    {
        var error = Assert.Throws<InvalidPipelineException>(() => TestGraph.Pipeline("A", "B:Z"));

        Assert.Equal(["task B, args[3]: unknown reference ${Z.out}: there is no task Z; tasks: A, B"], error.Problems);
    }

    [Fact]
    public void Duplicate_task_is_rejected_along_with_its_second_producer_of_the_same_path()
    {
        var error = Assert.Throws<InvalidPipelineException>(() => TestGraph.Pipeline("A", "A"));

        Assert.Equal(
            ["task A: task A is declared more than once", "task A, outputs.out: A.out is also written by task A; a path has one producer"],
            error.Problems);
    }

    [Fact]
    public void Unknown_target_lists_the_known_tasks()
    {
        var error = Assert.Throws<InvalidGraphException>(() => Planner.Plan(TestGraph.Graph(TestGraph.Chain), new InMemoryOutputs(), ["Z"], []));

        Assert.Equal("unknown task 'Z'; known tasks: A, B, C", error.Message);
    }

    [Fact]
    public void Ten_thousand_task_chain_is_sorted_without_overflowing_the_stack()
    {
        var specs = Enumerable.Range(0, 10_000).Select(i => i == 0 ? "T0" : $"T{i}:T{i - 1}").Reverse().ToArray();

        var graph = TestGraph.Graph(specs);

        Assert.Equal("T0", graph.Tasks[0].Id);
        Assert.Equal("T9999", graph.Tasks[^1].Id);
    }

    [Fact]
    public void Missing_dependency_of_a_hand_made_task_graph_names_the_task_and_the_dependency()
    {
        var error = Assert.Throws<InvalidGraphException>(() => TaskGraph.Create([Task("A"), Task("B", "Z")]));

        Assert.Equal("task B depends on Z, which is not defined", error.Message);
    }

    [Fact]
    public void Duplicate_task_in_a_hand_made_task_graph_is_rejected()
    {
        var error = Assert.Throws<InvalidGraphException>(() => TaskGraph.Create([Task("A"), Task("A")]));

        Assert.Equal("task A is defined more than once", error.Message);
    }

    private static TaskDefinition Task(string id, params string[] dependsOn) =>
        new(id, dependsOn, [TaskOutput.File(TestGraph.OutputOf(id))], new Dictionary<string, string>());
}
