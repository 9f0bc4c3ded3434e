using System.Globalization;
using Orchestrator.Runs;

namespace Orchestrator.Scheduling.Internal;

/// <summary>
/// What every fire does: record it, skip it if a scheduled run is still going, else call the run
/// delegate and record how it ended. A failing delegate is recorded, never thrown into Quartz.
/// </summary>
internal sealed class ScheduledRunner(
    Func<ScheduledRunRequest, CancellationToken, Task<ScheduledRunOutcome>> run,
    IScheduleEventSink events,
    TimeProvider time,
    LastFireFile? lastFires)
{
    private readonly SemaphoreSlim running = new(1, 1);
    private volatile string? currentRun;

    public TimeProvider Time => time;

    public async Task FireAsync(ScheduleDefinition schedule, bool catchUp, CancellationToken cancellation)
    {
        var firedAt = time.GetUtcNow();
        lastFires?.Record(schedule, firedAt);
        Record(ScheduleEventKind.Fired, schedule, catchUp ? "fired (catch-up after downtime)" : "fired");
        if (!await running.WaitAsync(0, CancellationToken.None))
        {
            Record(ScheduleEventKind.Skipped, schedule, $"skipped: another run holds the data root: {currentRun ?? "a scheduled run"}");
            return;
        }

        try
        {
            currentRun = $"scheduled run of '{schedule.Name}' fired {Execution.Timestamps.Format(firedAt)}";
            var outcome = await run(new ScheduledRunRequest(schedule, firedAt, catchUp), cancellation);
            if (cancellation.IsCancellationRequested && outcome.Outcome == Runs.RunOutcome.Cancelled)
            {
                Record(ScheduleEventKind.Cancelled, schedule, $"cancelled: the scheduler is stopping; {outcome.Summary}", outcome);
                return;
            }

            Record(outcome, schedule);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            Record(ScheduleEventKind.Cancelled, schedule, "cancelled: the scheduler is stopping");
        }
        catch (Exception e)
        {
            Record(ScheduleEventKind.Failed, schedule, $"failed: {e.Message}");
        }
        finally
        {
            currentRun = null;
            running.Release();
        }
    }

    public void Record(ScheduleEventKind kind, ScheduleDefinition schedule, string message, ScheduledRunOutcome? outcome = null) =>
        events.Record(new ScheduleEvent(kind, schedule, time.GetUtcNow(), message, outcome));

    private void Record(ScheduledRunOutcome outcome, ScheduleDefinition schedule)
    {
        var (kind, message) = outcome.Outcome switch
        {
            Runs.RunOutcome.Skipped => (ScheduleEventKind.Skipped, $"skipped: another run holds the data root: {outcome.Summary}"),
            Runs.RunOutcome.NothingToDo => (ScheduleEventKind.NothingToDo, $"nothing to do: {outcome.Summary}"),
            Runs.RunOutcome.Succeeded => (ScheduleEventKind.Completed, $"completed: {outcome.Summary}"),
            _ => (ScheduleEventKind.Failed, $"{outcome.Outcome.Name()}: {outcome.Summary}"),
        };
        Record(kind, schedule, message, outcome);
    }
}
