using System.Net;
using System.Net.Sockets;

namespace WinePipeline.Steps.Tests.DownloadData;

/// <summary>A real HTTP server on 127.0.0.1 (a free port) serving fixed routes: a body, a status
/// code, or a stall that never answers.</summary>
public sealed class LocalHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<string, Func<HttpListenerContext, Task>> _routes = new(StringComparer.Ordinal);
    private readonly Task _serving;

    public LocalHttpServer()
    {
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add($"{BaseUrl}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }

    public string Serve(string path, byte[] body) => Route(path, async context =>
    {
        context.Response.ContentLength64 = body.Length;
        await context.Response.OutputStream.WriteAsync(body);
        context.Response.Close();
    });

    public string Status(string path, HttpStatusCode status) => Route(path, context =>
    {
        context.Response.StatusCode = (int)status;
        context.Response.Close();
        return Task.CompletedTask;
    });

    /// <summary>Accepts the request and then sends nothing until the server is disposed.</summary>
    public string Stall(string path) => Route(path, async _ =>
    {
        try
        {
            await Task.Delay(Timeout.Infinite, _stopping.Token);
        }
        catch (OperationCanceledException)
        {
        }
    });

    public void Dispose()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        _stopping.Cancel();
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }

    private string Route(string path, Func<HttpListenerContext, Task> handler)
    {
        _routes[path] = handler;
        return BaseUrl + path;
    }

    private async Task ServeAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            var handler = _routes.GetValueOrDefault(context.Request.Url!.AbsolutePath, NotFound);
            _ = Task.Run(() => handler(context));
        }
    }

    private static Task NotFound(HttpListenerContext context)
    {
        context.Response.StatusCode = 404;
        context.Response.Close();
        return Task.CompletedTask;
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
