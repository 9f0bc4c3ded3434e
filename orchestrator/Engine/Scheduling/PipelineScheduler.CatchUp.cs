using System.Globalization;
using Quartz;

namespace Orchestrator.Scheduling;

internal sealed partial class PipelineScheduler
{
    private const int MaxMissedCounted = 1000;

    /// <summary>"missed 2 fire times since ... while the scheduler was down; running once now", or null when none was missed.</summary>
    private string? MissedWhileDown(ScheduleDefinition schedule)
    {
        if (lastFires?.Get(schedule) is not { } lastFire)
        {
            return null;
        }

        var cron = new CronExpression(schedule.Cron);
        var now = runner.Time.GetUtcNow();
        var missed = 0;
        for (var next = cron.GetNextValidTimeAfter(lastFire); next is { } at && at < now && missed < MaxMissedCounted; next = cron.GetNextValidTimeAfter(at))
        {
            missed++;
        }

        return missed == 0 ? null
            : $"misfire: missed {(missed == MaxMissedCounted ? $"{MaxMissedCounted}+" : missed)} fire time(s) since the last fire at "
                + $"{Execution.Timestamps.Format(lastFire)} while the scheduler was down; running once now";
    }
}
