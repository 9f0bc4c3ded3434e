namespace Orchestrator.Scheduling;

internal enum ScheduleEventKind
{
    Fired,

    /// <summary>Nothing ran because another run held the data root (a scheduled one still going, or the run lock).</summary>
    Skipped,

    NothingToDo,
    Completed,
    Failed,

    /// <summary>The scheduler was stopped while the run was going.</summary>
    Cancelled,

    /// <summary>Fire times were missed (downtime, or a busy scheduler); one run replaces them all.</summary>
    MisfireHandled,
}

/// <summary>Something the scheduler did, for the history and the log.</summary>
/// <param name="Message">One line saying what happened, e.g. "skipped: another run holds the data root: pid 12 on host a, ...".</param>
/// <param name="Outcome">The run delegate's outcome, for NothingToDo, Completed, Failed and lock skips.</param>
internal sealed record ScheduleEvent(ScheduleEventKind Kind, ScheduleDefinition Schedule, DateTimeOffset At, string Message, ScheduledRunOutcome? Outcome = null);

/// <summary>Receives every <see cref="ScheduleEvent"/>; called from Quartz worker threads, so it must be thread-safe and quick.</summary>
internal interface IScheduleEventSink
{
    void Record(ScheduleEvent scheduleEvent);
}
