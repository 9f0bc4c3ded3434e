using System.Diagnostics;
using Quartz;
using Orchestrator.Execution;
using Orchestrator.Locking;
using Orchestrator.Planning;
using Orchestrator.Runs;
using Orchestrator.Scheduling;
using Orchestrator.Scheduling.Internal;
using Orchestrator.Tests.Support;

namespace Orchestrator.Tests.Scheduling;

public class PipelineSchedulerTests
{
    private const string EverySecond = "* * * * * ?";

    private static readonly ScheduledRunOutcome RanOutcome = new(RunOutcome.Succeeded, "summary: 1 ran, 0 already complete, 0 failed");

    [Fact]
    public async Task One_second_cron_runs_the_delegate_at_least_twice_and_nothing_after_stop()
    {
        var sink = new RecordingEventSink();
        var requests = new List<ScheduledRunRequest>();
        var scheduler = new PipelineScheduler([new ScheduleDefinition(EverySecond, "EvaluateModel")], Run, sink, TimeProvider.System);

        await scheduler.StartAsync(CancellationToken.None);
        await sink.WaitForAsync(ScheduleEventKind.Completed, count: 2);
        await scheduler.DisposeAsync();
        var ranBeforeStop = requests.Count;
        await Task.Delay(1500);

        Assert.Equal(ranBeforeStop, requests.Count);
        Assert.All(requests, request => Assert.Equal("EvaluateModel", request.Schedule.Task));
        Assert.All(requests, request => Assert.False(request.CatchUp));
        Assert.Equal("completed: summary: 1 ran, 0 already complete, 0 failed", sink.OfKind(ScheduleEventKind.Completed)[0].Message);
        Assert.Empty(sink.OfKind(ScheduleEventKind.MisfireHandled));

        Task<ScheduledRunOutcome> Run(ScheduledRunRequest request, CancellationToken cancellation)
        {
            lock (requests)
            {
                requests.Add(request);
            }

            return Task.FromResult(RanOutcome);
        }
    }

    [Fact]
    public async Task Fire_while_the_previous_scheduled_run_is_still_going_is_skipped_not_queued()
    {
        var sink = new RecordingEventSink();
        var running = 0;
        var maxRunning = 0;
        await using var scheduler = new PipelineScheduler([new ScheduleDefinition(EverySecond)], SlowRun, sink, TimeProvider.System);

        await scheduler.StartAsync(CancellationToken.None);
        var skipped = await sink.WaitForAsync(ScheduleEventKind.Skipped);
        await scheduler.StopAsync();

        Assert.StartsWith($"skipped: another run holds the data root: scheduled run of '{EverySecond}' fired ", skipped[0].Message);
        Assert.Equal(1, maxRunning);
        Assert.True(sink.OfKind(ScheduleEventKind.Fired).Count > sink.OfKind(ScheduleEventKind.Completed).Count + sink.OfKind(ScheduleEventKind.Cancelled).Count);

        async Task<ScheduledRunOutcome> SlowRun(ScheduledRunRequest request, CancellationToken cancellation)
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref maxRunning, now);
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(2.5), cancellation);
                return RanOutcome;
            }
            finally
            {
                Interlocked.Decrement(ref running);
            }
        }
    }

    [Fact]
    public async Task Data_root_locked_by_another_run_is_recorded_as_skipped_naming_the_holder()
    {
        using var dataRoot = new TempDirectory();
        using var cliRun = RunLock.Acquire(dataRoot.Path, TimeProvider.System);
        var sink = new RecordingEventSink();
        await using var scheduler = new PipelineScheduler([new ScheduleDefinition(EverySecond)], RunUnderLock, sink, TimeProvider.System);

        await scheduler.StartAsync(CancellationToken.None);
        var skipped = await sink.WaitForAsync(ScheduleEventKind.Skipped);
        await scheduler.StopAsync();

        Assert.StartsWith($"skipped: another run holds the data root: pid {Environment.ProcessId} on host {Environment.MachineName}", skipped[0].Message);
        Assert.Equal(RunOutcome.Skipped, skipped[0].Outcome?.Outcome);
        Assert.Empty(sink.OfKind(ScheduleEventKind.Completed));

        Task<ScheduledRunOutcome> RunUnderLock(ScheduledRunRequest request, CancellationToken cancellation)
        {
            try
            {
                using var runLock = RunLock.Acquire(dataRoot.Path, TimeProvider.System);
                return Task.FromResult(RanOutcome);
            }
            catch (RunLockedException locked)
            {
                return Task.FromResult(ScheduledRunOutcome.Locked(locked));
            }
        }
    }

    [Fact]
    public async Task Run_that_finds_everything_complete_is_recorded_as_nothing_to_do()
    {
        var sink = new RecordingEventSink();
        var complete = new RunReport("run-1", TestGraph.Tasks(TestGraph.Chain).Select(task => new TaskReport(task, TaskState.Complete())).ToList());
        var result = new RunResult(complete, RunOutcomes.Of(complete), new Dictionary<string, string>());
        await using var scheduler = new PipelineScheduler(
            [new ScheduleDefinition(EverySecond)], (_, _) => Task.FromResult(ScheduledRunOutcome.From(result)), sink, TimeProvider.System);

        await scheduler.StartAsync(CancellationToken.None);
        var nothing = await sink.WaitForAsync(ScheduleEventKind.NothingToDo);
        await scheduler.StopAsync();

        Assert.Equal("nothing to do: summary: 0 ran, 3 already complete, 0 failed", nothing[0].Message);
    }

    [Fact]
    public async Task Delegate_that_throws_is_recorded_as_failed_and_the_schedule_keeps_firing()
    {
        var sink = new RecordingEventSink();
        await using var scheduler = new PipelineScheduler(
            [new ScheduleDefinition(EverySecond)], (_, _) => throw new InvalidOperationException("executor exploded"), sink, TimeProvider.System);

        await scheduler.StartAsync(CancellationToken.None);
        var failed = await sink.WaitForAsync(ScheduleEventKind.Failed, count: 2);
        await scheduler.StopAsync();

        Assert.Equal("failed: executor exploded", failed[0].Message);
    }

    [Fact]
    public async Task Stop_cancels_the_run_in_progress_and_records_it_as_cancelled()
    {
        var sink = new RecordingEventSink();
        var scheduler = new PipelineScheduler([new ScheduleDefinition(EverySecond)], WaitForever, sink, TimeProvider.System);

        await scheduler.StartAsync(CancellationToken.None);
        await sink.WaitForAsync(ScheduleEventKind.Fired);
        await scheduler.DisposeAsync();

        Assert.Single(sink.OfKind(ScheduleEventKind.Cancelled));

        static async Task<ScheduledRunOutcome> WaitForever(ScheduledRunRequest request, CancellationToken cancellation)
        {
            await Task.Delay(Timeout.Infinite, cancellation);
            return RanOutcome;
        }
    }

    [Fact]
    public async Task Run_that_ends_with_exit_code_130_when_the_scheduler_stops_is_recorded_as_cancelled_not_failed()
    {
        var sink = new RecordingEventSink();
        var scheduler = new PipelineScheduler([new ScheduleDefinition(EverySecond)], EndCancelled, sink, TimeProvider.System);

        await scheduler.StartAsync(CancellationToken.None);
        await sink.WaitForAsync(ScheduleEventKind.Fired);
        await scheduler.DisposeAsync();

        Assert.Equal("cancelled: the scheduler is stopping; summary: 0 ran, 0 already complete, 0 failed", Assert.Single(sink.OfKind(ScheduleEventKind.Cancelled)).Message);
        Assert.Empty(sink.OfKind(ScheduleEventKind.Failed));

        static async Task<ScheduledRunOutcome> EndCancelled(ScheduledRunRequest request, CancellationToken cancellation)
        {
            await Task.Delay(Timeout.Infinite, cancellation).ContinueWith(_ => { }, TaskScheduler.Default);
            return new ScheduledRunOutcome(RunOutcome.Cancelled, new RunReport("run-1", []).SummaryLine);
        }
    }

    [Theory]
    [InlineData("61 * * * * ?")]
    [InlineData("0 0 3 * *")]
    [InlineData("every day")]
    public void Invalid_cron_is_refused_with_one_line_naming_the_expression(string cron)
    {
        var error = Assert.Throws<InvalidScheduleException>(() =>
            new PipelineScheduler([new ScheduleDefinition(cron)], (_, _) => Task.FromResult(RanOutcome), new RecordingEventSink(), TimeProvider.System));

        Assert.StartsWith($"invalid cron expression '{cron}'; Quartz cron has 6 or 7 fields", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task Fire_times_missed_while_down_produce_one_catch_up_run_at_start()
    {
        using var dataRoot = new TempDirectory();
        var lastFireFile = PipelineSchedulerOptions.DefaultLastFireFile(dataRoot.Path);
        var schedule = new ScheduleDefinition("0 0 3 * * ?", "EvaluateModel");
        var lastFire = new CronExpression(schedule.Cron).GetNextValidTimeAfter(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))!.Value;
        new LastFireFile(lastFireFile).Record(schedule, lastFire);
        var restartedAt = lastFire + TimeSpan.FromDays(2) + TimeSpan.FromHours(1);
        var sink = new RecordingEventSink();
        var requests = new List<ScheduledRunRequest>();

        await using (var scheduler = new PipelineScheduler(
            [schedule], Run, sink, new FixedTimeProvider(restartedAt), new PipelineSchedulerOptions { LastFireFile = lastFireFile }))
        {
            await scheduler.StartAsync(CancellationToken.None);
            await sink.WaitForAsync(ScheduleEventKind.Completed);
            await Task.Delay(1000);
        }

        var misfire = Assert.Single(sink.OfKind(ScheduleEventKind.MisfireHandled));
        Assert.StartsWith("misfire: missed 2 fire time(s) since the last fire at ", misfire.Message);
        Assert.EndsWith("while the scheduler was down; running once now", misfire.Message);
        var request = Assert.Single(requests);
        Assert.True(request.CatchUp);
        Assert.Equal("schedule '0 0 3 * * ?' (catch-up after downtime)", request.Trigger);
        Assert.Equal(restartedAt, new LastFireFile(lastFireFile).Get(schedule));

        Task<ScheduledRunOutcome> Run(ScheduledRunRequest request, CancellationToken cancellation)
        {
            lock (requests)
            {
                requests.Add(request);
            }

            return Task.FromResult(RanOutcome);
        }
    }

    [Fact]
    public async Task Fire_held_back_past_the_misfire_threshold_runs_once_not_once_per_missed_second()
    {
        var sink = new RecordingEventSink();
        var starts = new List<TimeSpan>();
        var clock = Stopwatch.StartNew();
        var options = new PipelineSchedulerOptions { MisfireThreshold = TimeSpan.FromSeconds(1), MaxConcurrentFires = 1 };
        await using var scheduler = new PipelineScheduler([new ScheduleDefinition(EverySecond)], FirstRunSlow, sink, TimeProvider.System, options);

        await scheduler.StartAsync(CancellationToken.None);
        await sink.WaitForAsync(ScheduleEventKind.MisfireHandled);
        await sink.WaitForAsync(ScheduleEventKind.Completed, count: 3);
        await scheduler.StopAsync();

        List<TimeSpan> snapshot;
        lock (starts)
        {
            snapshot = starts.ToList();
        }

        // The three or four fire times missed during the slow run become a single run, then the cron goes
        // on: within the next 0.95 s at most that run and one regular fire start, never a burst of catch-ups.
        Assert.True(snapshot[1] - snapshot[0] >= TimeSpan.FromSeconds(3.4), $"second run started {snapshot[1] - snapshot[0]} after the first");
        var burst = snapshot.Skip(1).Count(start => start - snapshot[1] < TimeSpan.FromSeconds(0.95));
        Assert.True(burst <= 2, $"{burst} runs started within 0.95 s of the end of the slow run: {string.Join(", ", snapshot)}");
        Assert.Empty(sink.OfKind(ScheduleEventKind.Skipped));

        async Task<ScheduledRunOutcome> FirstRunSlow(ScheduledRunRequest request, CancellationToken cancellation)
        {
            int count;
            lock (starts)
            {
                starts.Add(clock.Elapsed);
                count = starts.Count;
            }

            if (count == 1)
            {
                await Task.Delay(TimeSpan.FromSeconds(3.5), cancellation);
            }

            return RanOutcome;
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
