using WinePipeline.Orchestrator.Cli;
using WinePipeline.Orchestrator.Execution;
using WinePipeline.Orchestrator.Graph;
using WinePipeline.Orchestrator.History;
using WinePipeline.Orchestrator.Locking;
using WinePipeline.Orchestrator.Notifications;
using WinePipeline.Orchestrator.Scheduling;

namespace WinePipeline.Orchestrator.Server;

/// <summary>
/// Starts the server's runs (the UI button, schedules) through the same `run` command the CLI uses,
/// so they take the data root's run lock (no two runs overlap, from here or the CLI), go into the
/// history, and are announced by the notifier when one is configured.
/// </summary>
internal sealed class RunCoordinator(CliEnvironment environment, ServerSettings settings, LiveRunState live, Notifier? notifier) : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly RunHistory history = RunHistory.Open(settings.Run.DataRoot);
    private Task current = Task.CompletedTask;

    /// <summary>
    /// Starts a run under <paramref name="runId"/> in the background unless one is going (here or
    /// elsewhere on the data root); returns why not, or null when started. A run that then cannot
    /// start is still recorded under that id, with why.
    /// </summary>
    public string? TryStart(RunOptions options, string runId)
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
                RunLock.Acquire(settings.Run.DataRoot, environment.Time).Dispose();
            }
            catch (RunLockedException e)
            {
                return e.Message;
            }

            current = Task.Run(() => RunFromUiAsync(options, runId));
            return null;
        }
    }

    /// <summary>The scheduler's run delegate: runs the schedule's target now and says how it ended.</summary>
    public async Task<ScheduledRunOutcome> RunScheduledAsync(ScheduledRunRequest request, CancellationToken cancellation)
    {
        try
        {
            var options = settings.Run.Options.ForRun(request.Schedule.Task, request.Schedule.DatasetUrl);
            var (exitCode, report, error) = await RunAsync(options, RunTrigger.Schedule, request.Trigger, runId: null, cancellation);
            return report is null ? new ScheduledRunOutcome(ScheduledRunKind.Failed, $"the run could not start: {error}", exitCode) : ScheduledRunOutcome.FromReport(report, exitCode);
        }
        catch (RunLockedException e)
        {
            return ScheduledRunOutcome.Locked(e);
        }
    }

    private async Task RunFromUiAsync(RunOptions options, string runId)
    {
        try
        {
            var (_, report, error) = await RunAsync(options, RunTrigger.Ui, "web UI", runId, stopping.Token);
            if (report is null)
            {
                RecordNotStarted(runId, RunOutcome.Failed, $"the run could not start: {error}");
            }
        }
        catch (RunLockedException e)
        {
            environment.Error.WriteLine($"orchestrator: error: {e.Message}");
            RecordNotStarted(runId, RunOutcome.Skipped, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A background run has no caller to throw to: the server's log is the only place it can be seen.
            environment.Error.WriteLine($"orchestrator: error: the run started from the web UI broke off: {e}");
            RecordNotStarted(runId, RunOutcome.Failed, $"the run broke off: {e.Message}");
        }
    }

    // So the run's URL, already handed out, says what became of it.
    private void RecordNotStarted(string runId, string outcome, string why)
    {
        if (history.Run(runId) is null)
        {
            history.RunNotStarted(runId, RunTrigger.Ui, environment.Time.GetUtcNow(), outcome, why);
        }
    }

    /// <returns>The exit code, the report when the run got as far as planning, else the error that stopped it.</returns>
    private async Task<(int ExitCode, RunReport? Report, string? Error)> RunAsync(RunOptions options, RunTrigger trigger, string description, string? runId, CancellationToken cancellation)
    {
        var started = environment.Time.GetTimestamp();
        var command = new RunCommand(environment, trigger, live, runId);
        int exitCode;
        string? error = null;
        try
        {
            exitCode = await command.ExecuteAsync(options, cancellation);
        }
        catch (Exception e) when (e is UsageException or InvalidGraphException or ExecutorUnavailableException)
        {
            error = e.Message;
            environment.Error.WriteLine($"orchestrator: error: {error}");
            exitCode = ExitCodes.UsageError;
        }

        if (notifier is not null && command.Report is { } report)
        {
            var notification = RunNotification.FromReport(report, exitCode, description, environment.Time.GetElapsedTime(started), settings.Run.DataRoot);
            await notifier.NotifyAsync(notification, CancellationToken.None);
        }

        return (exitCode, command.Report, error);
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
