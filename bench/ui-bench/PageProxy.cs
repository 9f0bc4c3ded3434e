using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace WinePipeline.Bench.UiBench;

/// <summary>
/// A page in front of the running server, so the old and the new page load through the same hop:
/// its own static files where it has them, every other request passed to the server, and
/// /api/graph rewritten when the page expects another shape. The server's answers outside /api/
/// (the page, its scripts and styles) are kept after their first request and served from memory
/// after it, as the old page's own files are: otherwise only the new page's files would take the
/// second hop to the server.
/// </summary>
internal sealed class PageProxy : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly HttpClient server;
    private readonly List<double> rewriteMs = [];
    private readonly Dictionary<string, Answer> kept = new(StringComparer.Ordinal);

    private PageProxy(WebApplication app, HttpClient server, string url)
    {
        this.app = app;
        this.server = server;
        Url = url;
    }

    public string Url { get; }

    /// <summary>Median time spent rewriting /api/graph so far (0 when the page needs no rewrite).</summary>
    public double MedianRewriteMs
    {
        get
        {
            lock (rewriteMs)
            {
                return rewriteMs.Count == 0 ? 0 : rewriteMs.Order().ElementAt(rewriteMs.Count / 2);
            }
        }
    }

    public static async Task<PageProxy> StartAsync(string serverUrl, BenchPage page)
    {
        var port = LoopbackPort.Free();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var proxy = new PageProxy(app, new HttpClient { BaseAddress = new Uri(serverUrl) }, $"http://127.0.0.1:{port}/");
        app.Run(context => proxy.ServeAsync(context, page));
        await app.StartAsync();
        return proxy;
    }

    private async Task ServeAsync(HttpContext context, BenchPage page)
    {
        var path = context.Request.Path.Value ?? "/";
        if (page.Files.TryGetValue(path, out var file))
        {
            context.Response.ContentType = file.ContentType;
            await context.Response.Body.WriteAsync(file.Content);
            return;
        }

        var keep = !path.StartsWith("/api/", StringComparison.Ordinal) && HttpMethods.IsGet(context.Request.Method);
        Answer? answer;
        lock (kept)
        {
            kept.TryGetValue(path + context.Request.QueryString, out answer);
        }

        if (answer is null)
        {
            answer = await ForwardAsync(path + context.Request.QueryString, context.RequestAborted);
            if (keep && answer.Status == StatusCodes.Status200OK)
            {
                lock (kept)
                {
                    kept[path + context.Request.QueryString] = answer;
                }
            }
        }

        context.Response.StatusCode = answer.Status;
        foreach (var (name, values) in answer.Headers)
        {
            context.Response.Headers[name] = values;
        }

        var body = answer.Body;
        if (path == "/api/graph" && page.RewriteGraph is { } rewrite && answer.Status == StatusCodes.Status200OK)
        {
            var clock = Stopwatch.StartNew();
            body = rewrite(body);
            lock (rewriteMs)
            {
                rewriteMs.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        await context.Response.Body.WriteAsync(body);
    }

    private async Task<Answer> ForwardAsync(string pathAndQuery, CancellationToken cancellation)
    {
        using var answer = await server.GetAsync(pathAndQuery, cancellation);
        var headers = answer.Headers.Concat(answer.Content.Headers).Where(header => header.Key is not ("Transfer-Encoding" or "Content-Length"))
            .Select(header => (header.Key, header.Value.ToArray())).ToList();
        return new Answer((int)answer.StatusCode, headers, await answer.Content.ReadAsByteArrayAsync(cancellation));
    }

    private sealed record Answer(int Status, IReadOnlyList<(string Name, string[] Values)> Headers, byte[] Body);

    public async ValueTask DisposeAsync()
    {
        server.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
