namespace Orchestrator.Scheduling;

/// <summary>What the scheduler asks the run delegate to do when a schedule fires.</summary>
/// <param name="Schedule">The schedule that fired (its task and dataset URL, when set, override the defaults).</param>
/// <param name="FireTime">When Quartz fired it.</param>
/// <param name="CatchUp">True for the single run that makes up for fire times missed while the scheduler was down.</param>
internal sealed record ScheduledRunRequest(ScheduleDefinition Schedule, DateTimeOffset FireTime, bool CatchUp)
{
    /// <summary>How the run was triggered, for history and notifications: "schedule '0 0 3 * * ?'".</summary>
    public string Trigger => CatchUp ? $"schedule '{Schedule.Cron}' (catch-up after downtime)" : $"schedule '{Schedule.Cron}'";
}
