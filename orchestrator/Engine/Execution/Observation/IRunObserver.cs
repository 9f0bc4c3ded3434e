using Orchestrator.Planning;

namespace Orchestrator.Execution.Observation;

/// <summary>
/// Watches a run as the engine walks it: the history store, the web UI and notifications listen here.
/// Calls come from several threads at once; implementations must be thread-safe, fast, and must not throw.
/// </summary>
internal interface IRunObserver
{
    /// <summary>The engine starts walking <paramref name="plan"/>.</summary>
    void RunStarted(string runId, ExecutionPlan plan);

    /// <summary>
    /// A task changed state: Running at the start of each attempt (with <see cref="TaskReport.Attempts"/>,
    /// <see cref="TaskReport.LogPath"/> and the previous attempt's <see cref="TaskReport.LastResult"/>), then
    /// its final state (Succeeded, Failed, Aborted, NotRun).
    /// </summary>
    void TaskStateChanged(string runId, TaskReport report);

    /// <summary>One line of a task attempt's output, as it is produced.</summary>
    void TaskLogLine(string runId, string taskId, int attempt, LogStream stream, string text);

    /// <summary>The engine finished walking the plan (every task has its final state).</summary>
    void RunFinished(RunReport report);
}
