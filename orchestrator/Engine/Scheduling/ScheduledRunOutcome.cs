using Orchestrator.Locking;
using Orchestrator.Runs;

namespace Orchestrator.Scheduling;

/// <summary>How a scheduled run ended, as the run delegate reports it.</summary>
/// <param name="Summary">One line: the run's summary line, the lock holder, or the error.</param>
internal sealed record ScheduledRunOutcome(RunOutcome Outcome, string Summary)
{
    public static ScheduledRunOutcome From(RunResult result) => new(result.Outcome, result.Report.SummaryLine);

    /// <summary>The data root's lock was held; <see cref="Summary"/> names the holder.</summary>
    public static ScheduledRunOutcome Locked(RunLockedException locked) =>
        new(RunOutcome.Skipped, locked.Holder?.ToString() ?? "holder unknown");
}
