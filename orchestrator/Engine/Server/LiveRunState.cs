using System.Collections.Immutable;
using Orchestrator.Execution;
using Orchestrator.Execution.Observation;
using Orchestrator.Planning;

namespace Orchestrator.Server;

/// <summary>The latest state of each task in the run this server started last, as the engine reports it.</summary>
internal sealed class LiveRunState : IRunObserver
{
    private readonly Lock gate = new();
    private volatile LiveRun current = LiveRun.None;

    /// <summary>One consistent view (run id, running, every task) that later events do not change.</summary>
    public LiveRun Current => current;

    public void RunStarted(string runId, ExecutionPlan plan)
    {
        var reports = RunReport.FromPlan(runId, plan).Tasks.ToImmutableDictionary(report => report.Task.Id, StringComparer.Ordinal);
        lock (gate)
        {
            current = new LiveRun(runId, true, reports);
        }
    }

    public void TaskStateChanged(string runId, TaskReport report)
    {
        lock (gate)
        {
            current = current with { Reports = current.Reports.SetItem(report.Task.Id, report) };
        }
    }

    public void TaskLogLine(string runId, string taskId, int attempt, LogStream stream, string text)
    {
    }

    public void RunFinished(RunReport report)
    {
        lock (gate)
        {
            current = current with { Running = false };
        }
    }
}

/// <summary>A snapshot of <see cref="LiveRunState"/>.</summary>
internal sealed record LiveRun(string? RunId, bool Running, ImmutableDictionary<string, TaskReport> Reports)
{
    public static LiveRun None { get; } = new(null, false, ImmutableDictionary.Create<string, TaskReport>(StringComparer.Ordinal));

    public TaskReport? Task(string taskId) => Reports.GetValueOrDefault(taskId);
}
