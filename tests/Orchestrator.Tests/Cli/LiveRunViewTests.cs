using Microsoft.Extensions.Time.Testing;
using Orchestrator.Cli;
using Orchestrator.Execution;
using Orchestrator.Planning;
using Orchestrator.Tests.Support;
using Spectre.Console.Testing;

namespace Orchestrator.Tests.Cli;

/// <summary>The live view on a terminal: finished tasks with their outcome, running ones with elapsed time and their latest line.</summary>
public class LiveRunViewTests
{
    [Fact]
    public async Task Shows_finished_tasks_then_each_running_task_with_its_elapsed_time_and_latest_line()
    {
        var console = new TestConsole().Width(100);
        var time = new FakeTimeProvider();
        var graph = TestGraph.Graph("A", "B:A");
        var plan = Planner.Plan(graph, new ExistenceCompletion(new Support.InMemoryOutputs()), ["B"], []);
        await using (var view = new LiveRunView(console, time))
        {
            view.RunStarted("run-1", plan);
            view.TaskStateChanged("run-1", new TaskReport(graph.Get("A"), new TaskState(ExecutionStatus.Running, "started"), Attempts: 1));
            view.TaskStateChanged("run-1", new TaskReport(graph.Get("A"), new TaskState(ExecutionStatus.Succeeded, "succeeded"), Attempts: 1, Duration: TimeSpan.FromSeconds(1.5)));
            view.TaskStateChanged("run-1", new TaskReport(graph.Get("B"), new TaskState(ExecutionStatus.Running, "started"), Attempts: 1));
            view.TaskLogLine("run-1", "B", 0, LogStream.Stdout, "training tree 40 of 100");
            time.Advance(TimeSpan.FromSeconds(12.3));
            view.RunFinished(RunReport.FromPlan("run-1", plan));
        }

        var screen = console.Output;
        Assert.Contains("A succeeded after 1.5s", screen);
        Assert.Contains("B 12.3s training tree 40 of 100", screen);
    }
}
