using Orchestrator.Notifications;

namespace Orchestrator.Cli;

internal static class NotificationOptionsExtensions
{
    /// <summary>Checks the options together; throws <see cref="UsageException"/> (one line, exit code 2) when they do not fit.</summary>
    /// <param name="getVariable">Reads SMTP_PASSWORD; usually CliEnvironment.GetVariable.</param>
    public static NotificationSettings ToSettings(this INotificationOptions options, Func<string, string?> getVariable)
    {
        Uri? webhook = null;
        if (options.WebhookUrl is not null
            && (!Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out webhook) || webhook.Scheme is not ("http" or "https")))
        {
            throw UsageException.ParseError($"--webhook-url '{options.WebhookUrl}' is not an http(s) URL");
        }

        return new NotificationSettings(webhook, SmtpFrom(options, getVariable), options.NotifyOnSuccess);
    }

    private static SmtpSettings? SmtpFrom(INotificationOptions options, Func<string, string?> getVariable)
    {
        var to = options.SmtpTo.Where(address => !string.IsNullOrWhiteSpace(address)).ToList();
        if (options.SmtpHost is null)
        {
            return options.SmtpFrom is null && to.Count == 0 && options.SmtpUser is null ? null
                : throw UsageException.ParseError("--smtp-from, --smtp-to and --smtp-user need --smtp-host");
        }

        if (options.SmtpFrom is null || to.Count == 0)
        {
            throw UsageException.ParseError("--smtp-host needs --smtp-from and --smtp-to");
        }

        if (options.SmtpPort is < 1 or > 65535)
        {
            throw UsageException.ParseError($"--smtp-port {options.SmtpPort} is not a port number (1-65535)");
        }

        return new SmtpSettings(options.SmtpHost, options.SmtpPort, options.SmtpFrom, to)
        {
            UserName = options.SmtpUser,
            Password = options.SmtpUser is null ? null : getVariable(INotificationOptions.PasswordVariable),
            EnableSsl = options.SmtpSsl,
        };
    }
}
