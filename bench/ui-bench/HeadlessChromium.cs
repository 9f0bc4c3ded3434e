using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace WinePipeline.Bench.UiBench;

/// <summary>
/// Loads a page in a fresh headless Chromium and returns its DOM after a few seconds of real time,
/// through the DevTools protocol. Real time, not --virtual-time-budget: the virtual clock barely
/// advances while a request is open, so work that overlaps a request (a second fetch, a slow server)
/// hardly counts, and pages that overlap differently cannot be compared on it.
/// </summary>
internal static partial class HeadlessChromium
{
    private static readonly TimeSpan PageTime = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(1);

    /// <summary>Whether a `chromium` program is on the PATH.</summary>
    public static bool IsInstalled() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, "chromium")));

    /// <summary>The page's DOM after a few seconds, and after <paramref name="lastly"/> (an expression, awaited when it is a promise) when given.</summary>
    public static async Task<string> DumpDomAsync(string url, string? lastly = null)
    {
        var profile = Directory.CreateTempSubdirectory("ui-bench-chromium-");
        var start = new ProcessStartInfo("chromium") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", $"--user-data-dir={profile.FullName}", "--window-size=1400,900",
            "--remote-debugging-port=0", "about:blank",
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await using var page = await DevToolsPage.OpenAsync(await DevToolsPortAsync(process, timeout.Token), timeout.Token);
            // The browser's own start-up (its GPU, network and renderer processes) settles first: it is not the page's time.
            await Task.Delay(SettleTime, timeout.Token);
            var navigated = Stopwatch.StartNew();
            await page.SendAsync("Page.navigate", new JsonObject { ["url"] = url }, timeout.Token);
            await Task.Delay(PageTime, timeout.Token);
            if (lastly is not null)
            {
                await page.SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = lastly, ["awaitPromise"] = true }, timeout.Token);
            }

            var result = await page.SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = "document.documentElement.outerHTML" }, timeout.Token);
            return result["result"]?["value"]?.GetValue<string>() ?? throw new InvalidOperationException($"chromium returned no DOM for {url} after {navigated.Elapsed.TotalSeconds:0.0} s");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            profile.Delete(recursive: true);
        }
    }

    private static async Task<int> DevToolsPortAsync(Process process, CancellationToken cancellation)
    {
        while (await process.StandardError.ReadLineAsync(cancellation) is { } line)
        {
            if (DevToolsListening().Match(line) is { Success: true } match)
            {
                return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"chromium exited with {process.ExitCode} before its DevTools endpoint was up");
    }

    [GeneratedRegex(@"^DevTools listening on ws://127\.0\.0\.1:(\d+)/")]
    private static partial Regex DevToolsListening();

    /// <summary>The browser's first tab, driven over its DevTools WebSocket, one command at a time.</summary>
    private sealed class DevToolsPage(ClientWebSocket socket) : IAsyncDisposable
    {
        private int nextId;

        public static async Task<DevToolsPage> OpenAsync(int port, CancellationToken cancellation)
        {
            using var http = new HttpClient();
            var targets = JsonNode.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/json/list", cancellation))!.AsArray();
            var tab = targets.First(target => target!["type"]!.GetValue<string>() == "page")!;
            var socket = new ClientWebSocket();
            await socket.ConnectAsync(new Uri(tab["webSocketDebuggerUrl"]!.GetValue<string>()), cancellation);
            return new DevToolsPage(socket);
        }

        /// <summary>Sends a command and returns its result, skipping the events that arrive before it.</summary>
        public async Task<JsonNode> SendAsync(string method, JsonObject parameters, CancellationToken cancellation)
        {
            var id = ++nextId;
            var command = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
            await socket.SendAsync(Encoding.UTF8.GetBytes(command.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, cancellation);
            while (true)
            {
                var message = await ReceiveAsync(cancellation);
                if (message["id"]?.GetValue<int>() == id)
                {
                    return message["result"] ?? throw new InvalidOperationException($"{method} failed: {message["error"]}");
                }
            }
        }

        private async Task<JsonNode> ReceiveAsync(CancellationToken cancellation)
        {
            using var text = new MemoryStream();
            var buffer = new byte[64 * 1024];
            WebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer, cancellation);
                text.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);
            return JsonNode.Parse(text.ToArray())!;
        }

        public async ValueTask DisposeAsync()
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            socket.Dispose();
        }
    }
}
