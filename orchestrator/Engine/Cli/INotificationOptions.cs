using CommandLine;
using Orchestrator.Notifications;

namespace Orchestrator.Cli;

/// <summary>
/// The notification options of a verb: implement this interface on the verb's options class
/// (CommandLineParser reads the [Option] attributes declared here) and call
/// <see cref="NotificationOptionsExtensions.ToSettings"/>. The SMTP password comes from the
/// SMTP_PASSWORD environment variable, never the command line.
/// </summary>
internal interface INotificationOptions
{
    public const string PasswordVariable = "SMTP_PASSWORD";

    [Option("webhook-url", MetaValue = "URL", HelpText = "POST a JSON message (Slack-compatible) here when a run fails (and succeeds, with --notify-on-success).")]
    string? WebhookUrl { get; set; }

    [Option("smtp-host", MetaValue = "HOST", HelpText = "Email run notifications through this SMTP server (needs --smtp-from and --smtp-to).")]
    string? SmtpHost { get; set; }

    [Option("smtp-port", MetaValue = "PORT", Default = SmtpSettings.DefaultPort, HelpText = "The SMTP server's port.")]
    int SmtpPort { get; set; }

    [Option("smtp-from", MetaValue = "ADDRESS", HelpText = "Sender address of notification emails.")]
    string? SmtpFrom { get; set; }

    [Option("smtp-to", MetaValue = "ADDRESS,...", Separator = ',', HelpText = "Recipients of notification emails, comma-separated.")]
    IEnumerable<string> SmtpTo { get; set; }

    [Option("smtp-user", MetaValue = "NAME", HelpText = "SMTP user name; the password is read from $SMTP_PASSWORD.")]
    string? SmtpUser { get; set; }

    [Option("smtp-ssl", HelpText = "Use STARTTLS with the SMTP server.")]
    bool SmtpSsl { get; set; }

    [Option("notify-on-success", HelpText = "Also notify when a run succeeds or has nothing to do, not only when it fails.")]
    bool NotifyOnSuccess { get; set; }
}
