using System.Net.Http.Json;

namespace Orchestrator.Notifications.Internal;

/// <summary>POSTs {"text": ...} (what a Slack incoming webhook needs) with a timeout, retrying once.</summary>
internal sealed class WebhookSender(HttpClient http, NotificationSettings settings, TimeProvider time)
{
    private const int Attempts = 2;

    /// <summary>Null when delivered, else why not.</summary>
    public async Task<string?> SendAsync(Uri url, string text, CancellationToken cancellation)
    {
        string? problem = null;
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            if (attempt > 1)
            {
                await Task.Delay(settings.WebhookRetryDelay, time, cancellation);
            }

            using var timeout = new CancellationTokenSource(settings.WebhookTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation, timeout.Token);
            try
            {
                using var response = await http.PostAsJsonAsync(url, new { text }, linked.Token);
                if (response.IsSuccessStatusCode)
                {
                    return null;
                }

                problem = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellation.IsCancellationRequested)
            {
                problem = $"no answer within {settings.WebhookTimeout.TotalSeconds:0.#} s";
            }
            catch (HttpRequestException e)
            {
                problem = e.Message;
            }
        }

        return $"{problem} (after {Attempts} attempts)";
    }
}
