using WinePipeline.StepKit;
using WinePipeline.StepKit.Hosting;

namespace WinePipeline.Steps.DownloadData.Sources;

/// <summary>An http(s) URL, streamed to the target. The idle timeout restarts whenever
/// <see cref="DownloadLimits.ProgressBytes"/> more have arrived, so a large file on a slow link
/// still completes while a stalled or dripping server does not; the deadline bounds the whole
/// transfer. <paramref name="source"/> is the URL as messages show it, without credentials.</summary>
public sealed class HttpSource(Uri uri, string source, DownloadLimits limits) : IDataSource
{
    public void FetchTo(Stream target, StepContext context) =>
        FetchAsync(target, context).GetAwaiter().GetResult();

    private async Task FetchAsync(Stream target, StepContext context)
    {
        using var idle = new CancellationTokenSource(limits.IdleTimeout, context.Time);
        using var deadline = new CancellationTokenSource(limits.Deadline, context.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(idle.Token, deadline.Token, context.Cancellation);
        try
        {
            // The timers above replace HttpClient's own whole-request timeout.
            using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
            {
                Timeout = Timeout.InfiniteTimeSpan,
            };
            using var response = await HttpRedirects.GetAsync(client, uri, source, linked.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidInputException($"{source}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            var announced = response.Content.Headers.ContentLength;
            if (announced > limits.MaxBytes)
            {
                throw limits.TooLarge(source);
            }

            var progress = new DownloadProgress(announced, new ProgressThrottle(context.Time));
            await using var body = await response.Content.ReadAsStreamAsync(linked.Token);
            var buffer = new byte[1 << 16];
            var sinceProgress = 0;
            int read;
            while ((read = await body.ReadAsync(buffer, linked.Token)) > 0)
            {
                sinceProgress += read;
                if (sinceProgress >= DownloadLimits.ProgressBytes)
                {
                    idle.CancelAfter(limits.IdleTimeout);
                    sinceProgress = 0;
                }

                await target.WriteAsync(buffer.AsMemory(0, read), linked.Token);
                if (progress.Add(read) is { } line)
                {
                    context.Log(line);
                }
            }

            context.Log(progress.Summary(source));
        }
        catch (OperationCanceledException) when (!context.Cancellation.IsCancellationRequested && deadline.IsCancellationRequested)
        {
            throw new InvalidInputException($"{source}: not finished after {limits.Deadline.TotalSeconds:0.###} seconds (--max-seconds)");
        }
        catch (OperationCanceledException) when (!context.Cancellation.IsCancellationRequested && idle.IsCancellationRequested)
        {
            throw new InvalidInputException(
                $"{source}: less than {DownloadLimits.ProgressBytes:N0} bytes from the server in {limits.IdleTimeout.TotalSeconds:0.###} seconds (--timeout-seconds)");
        }
        catch (HttpRequestException e)
        {
            throw new InvalidInputException($"{source}: {Describe(e)}");
        }
        catch (IOException e) when (!context.Cancellation.IsCancellationRequested)
        {
            throw new InvalidInputException($"{source}: the download broke off ({e.Message})");
        }
    }

    private static string Describe(HttpRequestException e) => e.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => $"cannot resolve the host name ({e.Message})",
        HttpRequestError.ConnectionError => $"cannot connect ({e.Message})",
        HttpRequestError.SecureConnectionError => $"TLS handshake failed ({e.Message})",
        _ => $"request failed ({e.Message})",
    };
}
