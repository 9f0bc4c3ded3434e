using WinePipeline.StepKit;
using WinePipeline.StepKit.Hosting;

namespace WinePipeline.Steps.DownloadData.Sources;

/// <summary>An http(s) URL, streamed to the file. The timeout is an idle timeout: it restarts
/// whenever data arrives, so a large file on a slow link still completes.</summary>
public sealed class HttpSource(Uri uri, string url, TimeSpan timeout) : IDataSource
{
    public void FetchTo(string path, StepContext context) =>
        FetchAsync(path, context).GetAwaiter().GetResult();

    private async Task FetchAsync(string path, StepContext context)
    {
        using var idle = new CancellationTokenSource(timeout, context.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(idle.Token, context.Cancellation);
        try
        {
            // The idle timer above replaces HttpClient's own whole-request timeout.
            using var client = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidInputException($"{url}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            var progress = new DownloadProgress(response.Content.Headers.ContentLength, new ProgressThrottle(context.Time));
            await using var body = await response.Content.ReadAsStreamAsync(linked.Token);
            await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            var buffer = new byte[1 << 16];
            int read;
            while ((read = await body.ReadAsync(buffer, linked.Token)) > 0)
            {
                idle.CancelAfter(timeout);
                await file.WriteAsync(buffer.AsMemory(0, read), linked.Token);
                if (progress.Add(read) is { } line)
                {
                    context.Log(line);
                }
            }

            context.Log(progress.Summary(url));
        }
        catch (OperationCanceledException) when (idle.IsCancellationRequested && !context.Cancellation.IsCancellationRequested)
        {
            throw new InvalidInputException($"{url}: no data from the server for {timeout.TotalSeconds:0.###} seconds (--timeout-seconds)");
        }
        catch (HttpRequestException e)
        {
            throw new InvalidInputException($"{url}: {Describe(e)}");
        }
        catch (IOException e) when (!context.Cancellation.IsCancellationRequested)
        {
            throw new InvalidInputException($"{url}: the download broke off ({e.Message})");
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
