using Orchestrator.Execution;
using Orchestrator.Planning;

namespace Orchestrator.Runs;

/// <summary>How a run ended: the one answer the summary, the exit code, history, notifications, schedules and the UI all use.</summary>
internal enum RunOutcome
{
    Running,
    Succeeded,
    Failed,
    Cancelled,

    /// <summary>Everything it needed was already complete.</summary>
    NothingToDo,

    /// <summary>Another run held the data root; nothing ran.</summary>
    Skipped,

    /// <summary>The orchestrator was killed while it ran (found by the next run).</summary>
    Interrupted,

    /// <summary>It could not start: a usage or definition error, or an executor that cannot run.</summary>
    NotStarted,
}

internal static class RunOutcomes
{
    public static RunOutcome Of(RunReport report) =>
        report.Failed > 0 ? RunOutcome.Failed
        : report.Cancelled || report.Tasks.Any(task => task.Status == ExecutionStatus.NotRun) ? RunOutcome.Cancelled
        : report.Ran == 0 ? RunOutcome.NothingToDo
        : RunOutcome.Succeeded;

    /// <summary>As stored and shown: "succeeded", "nothing to do".</summary>
    public static string Name(this RunOutcome outcome) => outcome switch
    {
        RunOutcome.NothingToDo => "nothing to do",
        RunOutcome.NotStarted => "not started",
        _ => outcome.ToString().ToLowerInvariant(),
    };

    public static RunOutcome Parse(string name) =>
        Enum.GetValues<RunOutcome>().FirstOrDefault(outcome => outcome.Name() == name, RunOutcome.Failed);
}
