using Orchestrator.History;
using Orchestrator.Notifications;
using Orchestrator.Scheduling;
using Orchestrator.Server;

namespace Orchestrator.Cli;

/// <summary>
/// `serve`: the web UI and API, and the schedules when given, until Ctrl-C or SIGTERM; a run going
/// then is cancelled like a CLI run.
/// </summary>
internal sealed class ServeCommand(CliEnvironment environment)
{
    private TextWriter Out => environment.Out;

    public async Task<int> ExecuteAsync(ServeOptions options, CancellationToken cancellation)
    {
        var settings = Resolve(options);
        var runner = environment.RunnerFor(options);
        var schedules = Schedules(options);
        var notifications = options.ToSettings(environment.GetVariable);
        using var notifier = notifications.IsEmpty ? null : new Notifier(notifications, environment.Error, environment.Time);

        await using var server = await PipelineServer.StartAsync(runner, environment.RunContext, settings, notifier, cancellation);
        Out.WriteLine($"serving {settings.Run.DataRoot} on {string.Join(", ", server.Addresses.Bound)}{(settings.Token is null ? string.Empty : " (token required)")}; Ctrl-C stops");
        await using var scheduler = schedules.Count == 0 ? null : new PipelineScheduler(
            schedules,
            server.Runs.RunScheduledAsync,
            new ScheduleEventLog(Out, RunHistory.Open(settings.Run.DataRoot, environment.Error), environment.Time),
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

    private ServerSettings Resolve(ServeOptions options)
    {
        var run = RunSettings.Resolve(options, environment) with { Trigger = History.RunTrigger.Ui };
        var url = options.Urls ?? (options.Port is { } port ? $"http://127.0.0.1:{port}" : ServeOptions.DefaultUrl);
        var token = NonEmpty(options.Token) ?? NonEmpty(environment.GetVariable("SCHEDULER_TOKEN"));
        var hosts = url.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(HostOf).ToList();
        return new ServerSettings(run, url, token, hosts);
    }

    // Kestrel's wildcards "*" and "+" are no valid URI host; they stand for every address.
    private static string HostOf(string url) =>
        Uri.TryCreate(url.Replace("://*", "://0.0.0.0").Replace("://+", "://0.0.0.0"), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri.Host
            : throw UsageException.ParseError($"--urls '{url}' is not an http:// URL");

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

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
