using Orchestrator.Graph;
using Orchestrator.Planning;
using Orchestrator.Tests.Support;

namespace Orchestrator.Tests.Graph;

public class GraphValidationTests
{
    [Fact]
    public void Cycle_is_rejected_with_its_path()
    {
        var error = Assert.Throws<InvalidGraphException>(() => TestGraph.Create("A:C", "B:A", "C:B", "D"));

        Assert.Equal("the task graph has a cycle: A -> C -> B -> A", error.Message);
    }

    [Fact]
    public void Task_depending_on_itself_is_a_cycle()
    {
        var error = Assert.Throws<InvalidGraphException>(() => TestGraph.Create("A:A"));

        Assert.Equal("the task graph has a cycle: A -> A", error.Message);
    }

    [Fact]
    public void Missing_dependency_names_the_task_and_the_dependency()
    {
        var error = Assert.Throws<InvalidGraphException>(() => TestGraph.Create("A", "B:Z"));

        Assert.Equal("task B depends on Z, which is not defined", error.Message);
    }

    [Fact]
    public void Duplicate_task_is_rejected()
    {
        var error = Assert.Throws<InvalidGraphException>(() => TestGraph.Create("A", "A"));

        Assert.Equal("task A is defined more than once", error.Message);
    }

    [Fact]
    public void Unknown_target_lists_the_known_tasks()
    {
        var error = Assert.Throws<InvalidGraphException>(() => Planner.Plan(TestGraph.Create(TestGraph.Chain), new InMemoryOutputs(), ["Z"], []));

        Assert.Equal("unknown task 'Z'; known tasks: A, B, C", error.Message);
    }

    [Fact]
    public void Ten_thousand_task_chain_is_sorted_without_overflowing_the_stack()
    {
        var specs = Enumerable.Range(0, 10_000).Select(i => i == 0 ? "T0" : $"T{i}:T{i - 1}").Reverse().ToArray();

        var graph = TestGraph.Create(specs);

        Assert.Equal("T0", graph.Tasks[0].Id);
        Assert.Equal("T9999", graph.Tasks[^1].Id);
    }

    [Theory]
    [InlineData("A:B|B:A", "the task graph has a cycle: A -> B -> A")]
    [InlineData("A|B:Missing", "task B depends on Missing, which is not defined")]
    public async Task Invalid_graph_fails_the_run_with_exit_2_before_anything_runs(string specs, string message)
    {
        using var dataRoot = new TempDirectory();
        var executor = new RecordingExecutor(dataRoot.Path);

        var result = await CliRunner.RunGraphAsync(specs.Split('|'), executor, ["run", "A", "--data-root", dataRoot.Path]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"orchestrator: error: {message}\n", result.Error);
        Assert.Empty(executor.Invocations);
        Assert.False(Directory.Exists(dataRoot.Combine(".orchestrator")), "nothing, not even the run lock, may be created");
    }
}
