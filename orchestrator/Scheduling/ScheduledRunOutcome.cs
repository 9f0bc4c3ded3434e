using WinePipeline.Orchestrator.Cli;
using WinePipeline.Orchestrator.Execution;
using WinePipeline.Orchestrator.Locking;

namespace WinePipeline.Orchestrator.Scheduling;

public enum ScheduledRunKind
{
    /// <summary>Tasks ran and none failed.</summary>
    Ran,

    /// <summary>Everything was already complete.</summary>
    NothingToDo,

    /// <summary>Another run (a CLI run, a UI run) held the data root's run lock; nothing ran.</summary>
    SkippedLocked,

    Failed,
}

/// <summary>How a scheduled run ended, as the run delegate reports it.</summary>
/// <param name="Summary">One line: the run's summary line, the lock holder, or the error.</param>
public sealed record ScheduledRunOutcome(ScheduledRunKind Kind, string Summary, int ExitCode)
{
    /// <summary>From a finished run: Failed when a task failed or the exit code is not 0, NothingToDo when nothing ran.</summary>
    public static ScheduledRunOutcome FromReport(RunReport report, int exitCode) =>
        new(
            report.Failed > 0 || exitCode != ExitCodes.Success ? ScheduledRunKind.Failed
            : report.Ran == 0 ? ScheduledRunKind.NothingToDo
            : ScheduledRunKind.Ran,
            report.SummaryLine,
            exitCode);

    /// <summary>The data root's lock was held; <see cref="Summary"/> names the holder.</summary>
    public static ScheduledRunOutcome Locked(RunLockedException locked) =>
        new(ScheduledRunKind.SkippedLocked, locked.Holder?.ToString() ?? "holder unknown", ExitCodes.UsageError);
}
