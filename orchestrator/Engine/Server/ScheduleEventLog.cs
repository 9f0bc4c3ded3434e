using Orchestrator.History;
using Orchestrator.Runs;
using Orchestrator.Scheduling;

namespace Orchestrator.Server;

/// <summary>
/// Prints every schedule event as one line and records skipped fires in the history (runs that
/// did start, "nothing to do" included, are recorded by the run itself).
/// </summary>
internal sealed class ScheduleEventLog(TextWriter output, RunHistory history, TimeProvider time) : IScheduleEventSink
{
    public void Record(ScheduleEvent scheduleEvent)
    {
        output.WriteLine($"schedule '{scheduleEvent.Schedule.Name}': {scheduleEvent.Message}");
        if (scheduleEvent.Kind == ScheduleEventKind.Skipped)
        {
            history.RunNotStarted(Execution.RunLogs.NewRunId(time), RunTrigger.Schedule, scheduleEvent.At, RunOutcome.Skipped, scheduleEvent.Message);
        }
    }
}
