using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Orchestrator.Tests.Notifications;

/// <summary>A real HTTP listener on 127.0.0.1 that keeps every request body; the first <c>failures</c> requests get a 500.</summary>
internal sealed class LocalWebhook : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task serving;
    private int failuresLeft;

    public LocalWebhook(int failures = 0)
    {
        failuresLeft = failures;
        Url = new Uri($"http://127.0.0.1:{FreePort()}/hooks/T000/B000/secret/");
        listener.Prefixes.Add(Url.ToString());
        listener.Start();
        serving = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public ConcurrentQueue<(string ContentType, string Body)> Requests { get; } = new();

    /// <summary>A port nothing listens on (at least for a moment).</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        listener.Close();
        serving.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream);
            Requests.Enqueue((context.Request.ContentType ?? string.Empty, await reader.ReadToEndAsync()));
            context.Response.StatusCode = Interlocked.Decrement(ref failuresLeft) >= 0 ? 500 : 200;
            context.Response.Close();
        }
    }
}
