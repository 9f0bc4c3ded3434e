namespace Orchestrator.Notifications;

/// <summary>Where run notifications go. Failures are always sent; other outcomes only with <see cref="NotifyOnSuccess"/>.</summary>
/// <param name="WebhookUrl">Receives a POSTed JSON message with a "text" field (a Slack incoming webhook accepts it); null for none.</param>
/// <param name="Smtp">The mail server and addresses for email; null for none.</param>
internal sealed record NotificationSettings(Uri? WebhookUrl, SmtpSettings? Smtp, bool NotifyOnSuccess)
{
    /// <summary>How long one webhook POST may take; a failed or timed-out POST is retried once.</summary>
    public TimeSpan WebhookTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan WebhookRetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan SmtpTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public bool IsEmpty => WebhookUrl is null && Smtp is null;
}

/// <summary>An SMTP server to send notification emails through (STARTTLS when <see cref="EnableSsl"/>).</summary>
internal sealed record SmtpSettings(string Host, int Port, string From, IReadOnlyList<string> To)
{
    public const int DefaultPort = 25;

    public string? UserName { get; init; }

    public string? Password { get; init; }

    public bool EnableSsl { get; init; }
}
