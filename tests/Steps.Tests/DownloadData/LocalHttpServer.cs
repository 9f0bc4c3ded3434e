using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace WinePipeline.Steps.Tests.DownloadData;

/// <summary>A real HTTP server on 127.0.0.1 (a free port) serving fixed routes: a body, a status
/// code, a redirect, a stall that never answers, or a body that never ends. It records the
/// Authorization header of every request.</summary>
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

    /// <summary>The Authorization header of each request received, in order (null when absent).</summary>
    public ConcurrentQueue<string?> Authorizations { get; } = new();

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

    public string Redirect(string path, string location) => Route(path, context =>
    {
        context.Response.StatusCode = (int)HttpStatusCode.Found;
        context.Response.RedirectLocation = location;
        context.Response.Close();
        return Task.CompletedTask;
    });

    /// <summary>Sends <paramref name="chunk"/> every <paramref name="interval"/>, without a length, until the client leaves.</summary>
    public string Endless(string path, int chunk, TimeSpan interval) => Route(path, async context =>
    {
        context.Response.SendChunked = true;
        var bytes = new byte[chunk];
        Array.Fill(bytes, (byte)'x');
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                await context.Response.OutputStream.WriteAsync(bytes, _stopping.Token);
                await context.Response.OutputStream.FlushAsync(_stopping.Token);
                await Task.Delay(interval, _stopping.Token);
            }
        }
        catch (Exception e) when (e is HttpListenerException or IOException or OperationCanceledException or ObjectDisposedException)
        {
        }
    });

    /// <summary>Announces <paramref name="length"/> bytes in Content-Length, sends one (HttpListener sends
    /// the headers with the first byte), then nothing more.</summary>
    public string Announce(string path, long length) => Route(path, async context =>
    {
        context.Response.ContentLength64 = length;
        try
        {
            await context.Response.OutputStream.WriteAsync("x"u8.ToArray(), _stopping.Token);
            await Task.Delay(Timeout.Infinite, _stopping.Token);
        }
        catch (Exception e) when (e is HttpListenerException or IOException or OperationCanceledException or ObjectDisposedException)
        {
        }
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

    public string Route(string path, Func<HttpListenerContext, Task> handler)
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

            Authorizations.Enqueue(context.Request.Headers["Authorization"]);
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
