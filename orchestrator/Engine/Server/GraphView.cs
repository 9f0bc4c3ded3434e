using Orchestrator.Execution;
using Orchestrator.Graph;
using Orchestrator.Planning;

namespace Orchestrator.Server;

/// <summary>
/// Each task's live state for the UI: pending, running, complete, failed or stale. The planner
/// (with the same completion check as `run` and `status`) says complete or to run; a task to run
/// whose outputs still exist is stale (its inputs, code or parameters changed, or an upstream task
/// will change them); the run this server started last overrides with running and failed.
/// </summary>
internal static class GraphView
{
    public const string Pending = "pending";
    public const string Running = "running";
    public const string Complete = "complete";
    public const string Failed = "failed";
    public const string Stale = "stale";

    public static object Build(TaskGraph graph, GraphLayout layout, string dataRoot, ICompletionState completion, LiveRun live)
    {
        var outputs = new FileSystemOutputState(dataRoot);
        var plan = Planner.Plan(graph, completion, graph.Declared.Select(task => task.Id).ToList(), []);
        var tasks = plan.Tasks.Select(planned =>
        {
            var (state, reason) = StateOf(planned, outputs, live.Task(planned.Task.Id));
            var (layer, row) = layout.Positions[planned.Task.Id];
            return new { id = planned.Task.Id, state, reason, layer, row, dependsOn = planned.Task.DependsOn };
        });
        return new { runId = live.RunId, running = live.Running, layers = layout.Layers, rows = layout.Rows, tasks };
    }

    private static (string State, string Reason) StateOf(PlannedTask planned, IOutputState outputs, TaskReport? live) =>
        live?.Status switch
        {
            ExecutionStatus.Running => (Running, live.State.Reason),
            ExecutionStatus.Failed or ExecutionStatus.Aborted when planned.WillRun => (Failed, live.State.Reason),
            _ when !planned.WillRun => (Complete, planned.State.Reason),
            _ when planned.Task.Outputs.All(output => outputs.Exists(output.Path)) => (Stale, planned.State.Reason),
            _ => (Pending, planned.State.Reason),
        };
}
