using WinePipeline.Orchestrator.Cli;
using WinePipeline.Orchestrator.History;
using WinePipeline.Orchestrator.Notifications;
using WinePipeline.Orchestrator.Scheduling;

namespace WinePipeline.Orchestrator.Server;

/// <summary>
/// `serve`: the web UI and API, and the schedules when given, until Ctrl-C or SIGTERM; a run going
/// then is cancelled like a CLI run.
/// </summary>
internal sealed class ServeCommand(CliEnvironment environment)
{
    private TextWriter Out => environment.Out;

    public async Task<int> ExecuteAsync(ServeOptions options, CancellationToken cancellation)
    {
        var settings = ServerSettings.Resolve(options, environment);
        var schedules = Schedules(options);
        var notifications = options.ToSettings(environment.GetVariable);
        using var notifier = notifications.IsEmpty ? null : new Notifier(notifications, environment.Error, environment.Time);

        await using var server = await PipelineServer.StartAsync(environment, settings, notifier, cancellation);
        Out.WriteLine($"serving {settings.Run.DataRoot} on {string.Join(", ", server.Addresses.Bound)}{(settings.Token is null ? string.Empty : " (token required)")}; Ctrl-C stops");
        await using var scheduler = schedules.Count == 0 ? null : new PipelineScheduler(
            schedules,
            server.Runs.RunScheduledAsync,
            new ScheduleEventLog(Out, RunHistory.Open(settings.Run.DataRoot), environment.Time),
            environment.Time,
            new PipelineSchedulerOptions { LastFireFile = PipelineSchedulerOptions.DefaultLastFireFile(settings.Run.DataRoot) });
        if (scheduler is not null)
        {
            await scheduler.StartAsync(cancellation);
            Out.WriteLine($"schedules: {string.Join("; ", schedules.Select(schedule => schedule.Name))}");
        }

        try
        {
            await Task.Delay(Timeout.Infinite, cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            Out.WriteLine("stopping");
        }

        return ExitCodes.Success;
    }

    private List<ScheduleDefinition> Schedules(ServeOptions options)
    {
        var schedules = new List<ScheduleDefinition>();
        if (options.Schedule is { } cron)
        {
            schedules.Add(new ScheduleDefinition(cron).Validate());
        }

        if (options.SchedulesFile is { } file)
        {
            schedules.AddRange(SchedulesFile.Load(Path.GetFullPath(file, environment.CurrentDirectory)));
        }

        return schedules;
    }
}
