using Quartz;
using Quartz.Spi;

namespace Orchestrator.Scheduling.Internal;

/// <summary>
/// The Quartz job behind every trigger. Deliberately not [DisallowConcurrentExecution]: Quartz would
/// then hold a fire back until the previous run ends; we want it skipped and recorded instead.
/// </summary>
internal sealed class ScheduledRunJob(ScheduledRunner runner, CancellationToken stopping) : IJob
{
    public const string ScheduleKey = "schedule";
    public const string CatchUpKey = "catch-up";

    public async Task Execute(IJobExecutionContext context)
    {
        var schedule = (ScheduleDefinition)context.MergedJobDataMap[ScheduleKey];
        var catchUp = context.MergedJobDataMap.ContainsKey(CatchUpKey);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, stopping);
        await runner.FireAsync(schedule, catchUp, cancellation.Token);
    }
}

/// <summary>Hands Quartz jobs bound to this scheduler's runner (Quartz's default factory needs a parameterless job).</summary>
internal sealed class ScheduledRunJobFactory(ScheduledRunner runner, CancellationToken stopping) : IJobFactory
{
    public IJob NewJob(TriggerFiredBundle bundle, IScheduler scheduler) => new ScheduledRunJob(runner, stopping);

    public void ReturnJob(IJob job)
    {
    }
}
