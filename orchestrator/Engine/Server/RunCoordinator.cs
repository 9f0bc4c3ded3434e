using Orchestrator.Execution;
using Orchestrator.Graph;
using Orchestrator.History;
using Orchestrator.Locking;
using Orchestrator.Notifications;
using Orchestrator.Runs;
using Orchestrator.Scheduling;

namespace Orchestrator.Server;

/// <summary>
/// Starts the server's runs (the UI button, schedules) through the engine's <see cref="PipelineRunner"/>,
/// so they take the data root's run lock (no two runs overlap, from here or the CLI), go into the
/// history, and are announced by the notifier when one is configured.
/// </summary>
internal sealed class RunCoordinator(PipelineRunner runner, RunContext context, ServerSettings settings, LiveRunState live, Notifier? notifier) : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly RunHistory history = RunHistory.Open(settings.Run.DataRoot);
    private Task current = Task.CompletedTask;

    /// <summary>
    /// Starts the run under <paramref name="runId"/> in the background unless one is going (here or
    /// elsewhere on the data root); returns why not, or null when started. A run that then cannot start
    /// is still recorded under that id, with why, so the URL already handed out says what became of it.
    /// </summary>
    public string? TryStart(RunRequest request, string runId)
    {
        lock (gate)
        {
            if (!current.IsCompleted)
            {
                return "a run started from this server is still going";
            }

            try
            {
                // Only probes: the run takes the lock itself; a CLI run sneaking in between is reported by that run.
                RunLock.Acquire(settings.Run.DataRoot, context.Time).Dispose();
            }
            catch (RunLockedException e)
            {
                return e.Message;
            }

            current = Task.Run(() => RunFromUiAsync(request with { RunId = runId }));
            return null;
        }
    }

    /// <summary>The scheduler's run delegate: runs the schedule's target with its parameter values now and says how it ended.</summary>
    public async Task<ScheduledRunOutcome> RunScheduledAsync(ScheduledRunRequest request, CancellationToken cancellation)
    {
        var run = settings.Run with
        {
            Target = request.Schedule.Task ?? settings.Run.Target,
            Parameters = settings.Run.Parameters.Concat(request.Schedule.Parameters).GroupBy(pair => pair.Key).ToDictionary(group => group.Key, group => group.Last().Value, StringComparer.Ordinal),
            Trigger = RunTrigger.Schedule,
        };
        try
        {
            var result = await RunAsync(run, request.Trigger, cancellation);
            return result is null ? new ScheduledRunOutcome(RunOutcome.NotStarted, "the run could not start; see the server's log") : ScheduledRunOutcome.From(result);
        }
        catch (RunLockedException e)
        {
            return ScheduledRunOutcome.Locked(e);
        }
    }

    private async Task RunFromUiAsync(RunRequest request)
    {
        try
        {
            if (await RunAsync(request with { Trigger = RunTrigger.Ui }, "web UI", stopping.Token) is null)
            {
                RecordNotStarted(request.RunId!, RunOutcome.NotStarted, "the run could not start; see the server's log");
            }
        }
        catch (RunLockedException e)
        {
            context.Error.WriteLine($"orchestrator: error: {e.Message}");
            RecordNotStarted(request.RunId!, RunOutcome.Skipped, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A background run has no caller to throw to: the server's log is the only place it can be seen.
            context.Error.WriteLine($"orchestrator: error: the run started from the web UI broke off: {e}");
            RecordNotStarted(request.RunId!, RunOutcome.Failed, $"the run broke off: {e.Message}");
        }
    }

    private void RecordNotStarted(string runId, RunOutcome outcome, string why)
    {
        if (history.Run(runId) is null)
        {
            history.RunNotStarted(runId, RunTrigger.Ui, context.Time.GetUtcNow(), outcome, why);
        }
    }

    private async Task<RunResult?> RunAsync(RunRequest request, string description, CancellationToken cancellation)
    {
        var started = context.Time.GetTimestamp();
        RunResult result;
        try
        {
            result = await runner.RunAsync(request, live, cancellation);
        }
        catch (Exception e) when (e is InvalidPipelineException or InvalidGraphException or ExecutorUnavailableException)
        {
            context.Error.WriteLine($"orchestrator: error: {e.Message}");
            return null;
        }

        if (notifier is not null)
        {
            var notification = RunNotification.From(result, runner.Pipeline, description, context.Time.GetElapsedTime(started), request.DataRoot);
            await notifier.NotifyAsync(notification, CancellationToken.None);
        }

        return result;
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        try
        {
            await current;
        }
        finally
        {
            stopping.Dispose();
        }
    }
}
