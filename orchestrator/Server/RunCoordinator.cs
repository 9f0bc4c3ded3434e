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
    private Task current = Task.CompletedTask;

    /// <summary>Starts a run in the background unless one is going (here or elsewhere on the data root); returns why not, or null when started.</summary>
    public string? TryStart()
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

            current = Task.Run(RunFromUiAsync);
            return null;
        }
    }

    /// <summary>The scheduler's run delegate: runs the schedule's target now and says how it ended.</summary>
    public async Task<ScheduledRunOutcome> RunScheduledAsync(ScheduledRunRequest request, CancellationToken cancellation)
    {
        try
        {
            var options = settings.Run.Options.ForRun(request.Schedule.Task, request.Schedule.DatasetUrl);
            var (exitCode, report) = await RunAsync(options, RunTrigger.Schedule, request.Trigger, cancellation);
            return report is null ? new ScheduledRunOutcome(ScheduledRunKind.Failed, "the run could not start; see the server's log", exitCode) : ScheduledRunOutcome.FromReport(report, exitCode);
        }
        catch (RunLockedException e)
        {
            return ScheduledRunOutcome.Locked(e);
        }
    }

    private async Task RunFromUiAsync()
    {
        try
        {
            await RunAsync(settings.Run.Options, RunTrigger.Ui, "web UI", stopping.Token);
        }
        catch (RunLockedException e)
        {
            environment.Error.WriteLine($"orchestrator: error: {e.Message}");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A background run has no caller to throw to: the server's log is the only place it can be seen.
            environment.Error.WriteLine($"orchestrator: error: the run started from the web UI broke off: {e}");
        }
    }

    private async Task<(int ExitCode, RunReport? Report)> RunAsync(RunOptions options, RunTrigger trigger, string description, CancellationToken cancellation)
    {
        var started = environment.Time.GetTimestamp();
        var command = new RunCommand(environment, trigger, live);
        int exitCode;
        try
        {
            exitCode = await command.ExecuteAsync(options, cancellation);
        }
        catch (Exception e) when (e is UsageException or InvalidGraphException or ExecutorUnavailableException)
        {
            environment.Error.WriteLine($"orchestrator: error: {e.Message}");
            exitCode = ExitCodes.UsageError;
        }

        if (notifier is not null && command.Report is { } report)
        {
            var notification = RunNotification.FromReport(report, exitCode, description, environment.Time.GetElapsedTime(started), settings.Run.DataRoot);
            await notifier.NotifyAsync(notification, CancellationToken.None);
        }

        return (exitCode, command.Report);
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
