using Orchestrator.Planning;
using Orchestrator.Tests.Support;

namespace Orchestrator.Tests.Planning;

public class PlannerTests
{
    [Fact]
    public void Chain_with_no_outputs_runs_every_task_in_order_with_reasons()
    {
        var plan = Planner.Plan(TestGraph.Graph(TestGraph.Chain), new InMemoryOutputs(), ["C"], []);

        Assert.Equal(
            ["A: Pending: output A.out missing", "B: Pending: upstream A will run", "C: Pending: upstream B will run"],
            Describe(plan));
    }

    [Fact]
    public void Chain_with_all_outputs_present_is_complete_and_runs_nothing()
    {
        var plan = Planner.Plan(TestGraph.Graph(TestGraph.Chain), InMemoryOutputs.OfTasks("A", "B", "C"), ["C"], []);

        Assert.All(plan.Tasks, task => Assert.Equal(TaskState.Complete(), task.State));
        Assert.Empty(plan.ToRun);
        Assert.Equal(3, plan.CompleteCount);
    }

    [Fact]
    public void Diamond_lists_each_task_once_after_all_its_dependencies()
    {
        var plan = Planner.Plan(TestGraph.Graph("D:B,C", "B:A", "C:A", "A"), new InMemoryOutputs(), ["D"], []);

        var order = plan.Tasks.Select(task => task.Task.Id).ToList();
        Assert.Equal(["A", "B", "C", "D"], order.Order());
        Assert.Equal("A", order[0]);
        Assert.Equal("D", order[^1]);
    }

    [Fact]
    public void Target_plans_only_the_tasks_it_needs()
    {
        var plan = Planner.Plan(TestGraph.Graph(TestGraph.Diamond), new InMemoryOutputs(), ["B"], []);

        Assert.Equal(["A", "B"], plan.Tasks.Select(task => task.Task.Id));
    }

    [Fact]
    public void Partial_completion_resumes_at_the_first_missing_output_and_runs_what_follows()
    {
        var plan = Planner.Plan(TestGraph.Graph(TestGraph.Diamond), InMemoryOutputs.OfTasks("A", "B", "D"), ["D"], []);

        Assert.Equal(
            ["A: Complete: outputs present", "B: Complete: outputs present", "C: Pending: output C.out missing", "D: Pending: upstream C will run"],
            Describe(plan));
    }

    [Fact]
    public void Forcing_a_complete_task_reruns_it_and_everything_downstream_only()
    {
        var plan = Planner.Plan(TestGraph.Graph(TestGraph.Diamond), InMemoryOutputs.OfTasks("A", "B", "C", "D"), ["D"], ["B"]);

        Assert.Equal(
            ["A: Complete: outputs present", "B: Pending: forced", "C: Complete: outputs present", "D: Pending: upstream B will run"],
            Describe(plan));
    }

    [Fact]
    public void Missing_output_of_a_task_with_several_outputs_names_the_missing_one()
    {
        var pipeline = new PipelineBuilder("test");
        pipeline.Task("A").Image("test/a:1").Args("--out-dir", Out.Directory).OutputDirectory("a").Output("one", "1.csv").Output("two", "2.csv");
        var graph = pipeline.Build().Resolve(new Dictionary<string, string>());

        var plan = Planner.Plan(graph, new InMemoryOutputs("a/1.csv"), ["A"], []);

        Assert.Equal(TaskState.OutputMissing("a/2.csv"), plan.Tasks.Single().State);
    }

    private static IEnumerable<string> Describe(ExecutionPlan plan) => plan.Tasks.Select(task => $"{task.Task.Id}: {task.State}");
}
