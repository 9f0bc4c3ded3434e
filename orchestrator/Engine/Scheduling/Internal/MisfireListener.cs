using Quartz;
using Quartz.Listener;

namespace Orchestrator.Scheduling.Internal;

/// <summary>Records Quartz's own misfires (a fire held back longer than the misfire threshold while the scheduler was running).</summary>
internal sealed class MisfireListener(ScheduledRunner runner) : TriggerListenerSupport
{
    public override string Name => nameof(MisfireListener);

    public override Task TriggerMisfired(ITrigger trigger, CancellationToken cancellationToken = default)
    {
        if (trigger.JobDataMap[ScheduledRunJob.ScheduleKey] is ScheduleDefinition schedule)
        {
            runner.Record(ScheduleEventKind.MisfireHandled, schedule, "misfire: a fire time was missed by more than the misfire threshold; running once now");
        }

        return Task.CompletedTask;
    }
}
