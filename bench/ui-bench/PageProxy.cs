using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace WinePipeline.Bench.UiBench;

/// <summary>
/// A page in front of the running server, so the old and the new page load through the same hop:
/// its own static files where it has them, every other request passed to the server, and
/// /api/graph rewritten when the page expects another shape.
/// </summary>
internal sealed class PageProxy : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly HttpClient server;
    private readonly List<double> rewriteMs = [];

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

        using var answer = await server.GetAsync(path + context.Request.QueryString, context.RequestAborted);
        context.Response.StatusCode = (int)answer.StatusCode;
        foreach (var (name, values) in answer.Headers.Concat(answer.Content.Headers).Where(header => header.Key is not ("Transfer-Encoding" or "Content-Length")))
        {
            context.Response.Headers[name] = values.ToArray();
        }

        var body = await answer.Content.ReadAsByteArrayAsync(context.RequestAborted);
        if (path == "/api/graph" && page.RewriteGraph is { } rewrite && answer.IsSuccessStatusCode)
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

    public async ValueTask DisposeAsync()
    {
        server.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
