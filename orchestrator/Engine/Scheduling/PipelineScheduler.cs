using System.Collections.Specialized;
using System.Globalization;
using Quartz;
using Quartz.Impl;
using Quartz.Impl.Matchers;
using Orchestrator.Scheduling.Internal;

namespace Orchestrator.Scheduling;

/// <summary>
/// Runs the pipeline on cron schedules with Quartz (an in-memory RAMJobStore, one uniquely named
/// Quartz scheduler per instance). Each fire calls the run delegate and reports to the event sink:
/// Fired, then Skipped, NothingToDo, Completed, Failed or Cancelled; MisfireHandled for missed fire times.
/// <para>No overlap: a fire while an earlier scheduled run is still going is skipped (not queued) and
/// recorded; a run holding the data root's lock elsewhere is reported by the delegate as
/// <see cref="Runs.RunOutcome.Skipped"/> and recorded as skipped.</para>
/// <para>Misfire policy: missed fire times produce one run, never one per missed time. Within a
/// running scheduler, cron triggers use Quartz's fire-and-proceed instruction (a fire held back past
/// <see cref="PipelineSchedulerOptions.MisfireThreshold"/> runs once, now). Across a restart the
/// in-memory store remembers nothing, so each fire's time is written to
/// <see cref="PipelineSchedulerOptions.LastFireFile"/>; at start, a schedule with a fire time between
/// its last recorded fire and now runs once at once (a catch-up run).</para>
/// </summary>
/// <example>
/// <code>
/// await using var scheduler = new PipelineScheduler(schedules, RunPipelineAsync, sink, TimeProvider.System,
///     new PipelineSchedulerOptions { LastFireFile = PipelineSchedulerOptions.DefaultLastFireFile(dataRoot) });
/// await scheduler.StartAsync(cancellation);
/// ...
/// await scheduler.StopAsync();
/// </code>
/// </example>
internal sealed partial class PipelineScheduler : IAsyncDisposable
{
    private readonly IReadOnlyList<ScheduleDefinition> schedules;
    private readonly PipelineSchedulerOptions options;
    private readonly LastFireFile? lastFires;
    private readonly ScheduledRunner runner;
    private readonly CancellationTokenSource stopping = new();
    private IScheduler? scheduler;

    /// <param name="schedules">At least one; each cron expression is validated here.</param>
    /// <param name="run">Runs the pipeline for one fire and says how it ended; it must take the data root's run lock itself.</param>
    /// <param name="events">Receives every <see cref="ScheduleEvent"/>.</param>
    /// <exception cref="InvalidScheduleException">A cron expression is invalid.</exception>
    public PipelineScheduler(
        IReadOnlyList<ScheduleDefinition> schedules,
        Func<ScheduledRunRequest, CancellationToken, Task<ScheduledRunOutcome>> run,
        IScheduleEventSink events,
        TimeProvider time,
        PipelineSchedulerOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(schedules.Count);
        this.schedules = schedules.Select(schedule => schedule.Validate()).ToList();
        this.options = options ?? new PipelineSchedulerOptions();
        lastFires = this.options.LastFireFile is null ? null : new LastFireFile(this.options.LastFireFile);
        runner = new ScheduledRunner(run, events, time, lastFires);
    }

    /// <summary>Starts firing; first runs one catch-up run for any schedule that missed fire times while down.</summary>
    public async Task StartAsync(CancellationToken cancellation)
    {
        if (scheduler is not null)
        {
            throw new InvalidOperationException("the scheduler is already started");
        }

        scheduler = await new StdSchedulerFactory(QuartzProperties()).GetScheduler(cancellation);
        scheduler.JobFactory = new ScheduledRunJobFactory(runner, stopping.Token);
        scheduler.ListenerManager.AddTriggerListener(new MisfireListener(runner), GroupMatcher<TriggerKey>.AnyGroup());
        for (var index = 0; index < schedules.Count; index++)
        {
            await ScheduleAsync(scheduler, schedules[index], index, cancellation);
        }

        await scheduler.Start(cancellation);
    }

    /// <summary>Stops firing, cancels a run in progress and waits for it to end.</summary>
    public async Task StopAsync()
    {
        if (scheduler is null || scheduler.IsShutdown)
        {
            return;
        }

        await stopping.CancelAsync();
        await scheduler.Shutdown(waitForJobsToComplete: true);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        stopping.Dispose();
    }

    private async Task ScheduleAsync(IScheduler quartz, ScheduleDefinition schedule, int index, CancellationToken cancellation)
    {
        var job = JobBuilder.Create<ScheduledRunJob>().WithIdentity($"schedule-{index}").StoreDurably().Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity($"schedule-{index}")
            .ForJob(job)
            .UsingJobData(new JobDataMap { [ScheduledRunJob.ScheduleKey] = schedule })
            .WithCronSchedule(schedule.Cron, cron => cron.WithMisfireHandlingInstructionFireAndProceed())
            .Build();
        await quartz.ScheduleJob(job, trigger, cancellation);
        if (MissedWhileDown(schedule) is { } missed)
        {
            runner.Record(ScheduleEventKind.MisfireHandled, schedule, missed);
            await quartz.ScheduleJob(
                TriggerBuilder.Create()
                    .WithIdentity($"schedule-{index}-catch-up")
                    .ForJob(job)
                    .UsingJobData(new JobDataMap { [ScheduledRunJob.ScheduleKey] = schedule, [ScheduledRunJob.CatchUpKey] = true })
                    .StartNow()
                    .Build(),
                cancellation);
        }
    }

    private NameValueCollection QuartzProperties() => new()
    {
        ["quartz.scheduler.instanceName"] = $"orchestrator-{Guid.NewGuid():N}",
        ["quartz.jobStore.type"] = "Quartz.Simpl.RAMJobStore, Quartz",
        ["quartz.jobStore.misfireThreshold"] = ((long)options.MisfireThreshold.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
        ["quartz.threadPool.maxConcurrency"] = options.MaxConcurrentFires.ToString(CultureInfo.InvariantCulture),
    };
}
