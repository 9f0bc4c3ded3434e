using Orchestrator.Notifications.Internal;
using Orchestrator.Runs;

namespace Orchestrator.Notifications;

/// <summary>
/// Tells people how a run ended: a JSON POST to a webhook ({"text": ...}, which a Slack incoming
/// webhook accepts) and/or an email over SMTP with the metrics in the body and the PNG plots attached.
/// Failed runs always notify; other outcomes only when <see cref="NotificationSettings.NotifyOnSuccess"/>.
/// Delivery problems are written to the log as one line each and never thrown: a notification
/// cannot fail or crash the run.
/// </summary>
/// <example>
/// <code>
/// using var notifier = new Notifier(options.ToSettings(environment.GetVariable), environment.Error, environment.Time);
/// await notifier.NotifyAsync(RunNotification.From(result, pipeline, "manual", duration, dataRoot), cancellation);
/// </code>
/// </example>
internal sealed class Notifier : IDisposable
{
    private readonly NotificationSettings settings;
    private readonly TextWriter log;
    private readonly TimeProvider time;
    private readonly HttpClient http = new() { Timeout = Timeout.InfiniteTimeSpan };

    /// <param name="log">Receives one line per delivery problem; must be safe to write from several threads.</param>
    public Notifier(NotificationSettings settings, TextWriter log, TimeProvider time)
    {
        this.settings = settings;
        this.log = log;
        this.time = time;
    }

    public bool ShouldNotify(RunNotification run) =>
        !settings.IsEmpty && (run.Outcome is RunOutcome.Failed or RunOutcome.Interrupted or RunOutcome.NotStarted || settings.NotifyOnSuccess);

    /// <summary>Sends to every configured channel when <see cref="ShouldNotify"/>; returns true when all of them took it.</summary>
    public async Task<bool> NotifyAsync(RunNotification run, CancellationToken cancellation)
    {
        if (!ShouldNotify(run))
        {
            return true;
        }

        var delivered = true;
        if (settings.WebhookUrl is { } url)
        {
            // Only the host is logged: the path of a Slack webhook URL is its secret.
            delivered &= await DeliverAsync(
                $"webhook to {url.Scheme}://{url.Authority}",
                () => new WebhookSender(http, settings, time).SendAsync(url, NotificationText.Body(run), cancellation),
                cancellation);
        }

        if (settings.Smtp is { } smtp)
        {
            delivered &= await DeliverAsync(
                $"email through {smtp.Host}:{smtp.Port}",
                async () =>
                {
                    await new EmailSender(smtp, settings, time).SendAsync(run, cancellation);
                    return null;
                },
                cancellation);
        }

        return delivered;
    }

    /// <param name="send">Returns null when delivered, else the problem.</param>
    private async Task<bool> DeliverAsync(string channel, Func<Task<string?>> send, CancellationToken cancellation)
    {
        string? problem;
        try
        {
            problem = await send();
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
        {
            problem = e.InnerException is null ? e.Message : $"{e.Message} {e.GetBaseException().Message}";
        }

        if (problem is not null)
        {
            log.WriteLine($"notify: {channel} failed: {problem}; the run is not affected");
        }

        return problem is null;
    }

    public void Dispose() => http.Dispose();
}
