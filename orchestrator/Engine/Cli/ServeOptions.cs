using CommandLine;
using Orchestrator.Notifications;

namespace Orchestrator.Cli;

/// <summary>
/// `serve`: the run options (used for every run the server starts), where and how to listen,
/// schedules, and notifications.
/// </summary>
[Verb("serve", HelpText = "Serve the web UI and JSON API (live task graph, logs, run history, a run button); run on schedules.")]
internal sealed class ServeOptions : RunOptions, INotificationOptions
{
    public const string DefaultUrl = "http://127.0.0.1:8082";

    [Option("urls", MetaValue = "URL", HelpText = "Where to listen, e.g. http://0.0.0.0:8082 (default: http://127.0.0.1:8082). Off loopback, --token is required.")]
    public string? Urls { get; set; }

    [Option("port", MetaValue = "N", HelpText = "Listen on 127.0.0.1:N (0 picks a free port); ignored with --urls.")]
    public int? Port { get; set; }

    [Option("token", MetaValue = "TOKEN", HelpText = "Every request must carry it (Authorization: Bearer TOKEN, or ?token=TOKEN). Default: $SCHEDULER_TOKEN.")]
    public string? Token { get; set; }

    [Option("schedule", MetaValue = "CRON", HelpText = "Also run on this Quartz cron expression (seconds first), e.g. \"0 0 3 * * ?\" for 03:00 every day.")]
    public string? Schedule { get; set; }

    [Option("schedules-file", MetaValue = "FILE", HelpText = "Also run on the schedules in this JSON file: [{\"cron\": \"0 0 3 * * ?\", \"task\": \"T\", \"parameters\": {\"name\": \"value\"}}].")]
    public string? SchedulesFile { get; set; }

    public string? WebhookUrl { get; set; }

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = SmtpSettings.DefaultPort;

    public string? SmtpFrom { get; set; }

    public IEnumerable<string> SmtpTo { get; set; } = [];

    public string? SmtpUser { get; set; }

    public bool SmtpSsl { get; set; }

    public bool NotifyOnSuccess { get; set; }
}
