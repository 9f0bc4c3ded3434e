using Orchestrator.Execution;
using Orchestrator.Graph;
using Orchestrator.History;
using Orchestrator.Planning;

namespace Orchestrator.Server;

/// <summary>
/// Each task's live state for the UI, in the CLI's words (<see cref="ExecutionStatus"/>): the planner,
/// with the same completion check as `run` and `status`, says Complete or Pending and why; the run
/// this server started last adds Running, and Succeeded, Failed, Aborted or NotRun for what it left.
/// Each task also carries how long its latest attempt took (or has been going).
/// </summary>
internal static class GraphView
{
    public static object Build(TaskGraph graph, IReadOnlyDictionary<string, int> layers, ICompletionState completion, LiveRun live, IReadOnlyDictionary<string, AttemptRecord> latestAttempts, DateTimeOffset now)
    {
        var plan = Planner.Plan(graph, completion, graph.Declared.Select(task => task.Id).ToList(), []);
        var tasks = plan.Tasks.Select(planned =>
        {
            var id = planned.Task.Id;
            var (state, reason) = StateOf(planned, live.Task(id), live);
            return new { id, group = GroupOf(id), state = state.ToString(), reason, layer = layers[id], dependsOn = planned.Task.DependsOn, seconds = Seconds(latestAttempts.GetValueOrDefault(id), state, now) };
        });
        return new { runId = live.RunId, running = live.Running, tasks };
    }

    private static (ExecutionStatus State, string Reason) StateOf(PlannedTask planned, TaskReport? task, LiveRun live) =>
        task?.Status switch
        {
            ExecutionStatus.Running => (ExecutionStatus.Running, task.State.Reason),
            ExecutionStatus.Pending when live.Running => (ExecutionStatus.Pending, task.State.Reason),
            ExecutionStatus.Failed or ExecutionStatus.Aborted or ExecutionStatus.NotRun when planned.WillRun => (task.Status, task.State.Reason),
            ExecutionStatus.Succeeded when !planned.WillRun => (ExecutionStatus.Succeeded, $"{task.State.Reason} in run {live.RunId}; {planned.State.Reason}"),
            _ => (planned.State.Status, planned.State.Reason),
        };

    private static double? Seconds(AttemptRecord? attempt, ExecutionStatus state, DateTimeOffset now) =>
        attempt is null ? null
        : attempt.Ended is { } ended ? (ended - attempt.Started).TotalSeconds
        : state == ExecutionStatus.Running ? (now - attempt.Started).TotalSeconds
        : null;

    // A sweep names its variants "Task[key=value,...]"; until tasks declare their group, it is the name before '['.
    private static string? GroupOf(string id) =>
        id.IndexOf('[', StringComparison.Ordinal) is > 0 and var bracket && id.EndsWith(']') ? id[..bracket] : null;
}
