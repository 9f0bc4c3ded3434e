using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orchestrator.Tests.Server;

/// <summary>
/// Headless Chromium driven over the DevTools protocol, for what a dump cannot show: clicking,
/// filling a form, and reading the page as it changes. One page, a fresh profile, real time.
/// </summary>
internal sealed class ChromiumSession : IAsyncDisposable
{
    private readonly Process process;
    private readonly DirectoryInfo profile;
    private readonly ClientWebSocket socket;
    private int nextId;

    private ChromiumSession(Process process, DirectoryInfo profile, ClientWebSocket socket)
    {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    public static async Task<ChromiumSession> StartAsync(int width, int height = 900)
    {
        var profile = Directory.CreateTempSubdirectory("chromium-profile-");
        var start = new ProcessStartInfo(HeadlessChromium.Executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--hide-scrollbars", "--remote-debugging-port=0", $"--user-data-dir={profile.FullName}", $"--window-size={width},{height}", "about:blank",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var portFile = Path.Combine(profile.FullName, "DevToolsActivePort");
        var waited = Stopwatch.StartNew();
        while (!File.Exists(portFile) || File.ReadAllLines(portFile).Length < 2)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "chromium did not open its DevTools port");
            await Task.Delay(50);
        }

        var port = File.ReadAllLines(portFile)[0];
        using var http = new HttpClient();
        var targets = JsonNode.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/json/list"))!.AsArray();
        var page = targets.First(target => target!["type"]!.GetValue<string>() == "page")!;
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(page["webSocketDebuggerUrl"]!.GetValue<string>()), CancellationToken.None);
        return new ChromiumSession(process, profile, socket);
    }

    public async Task NavigateAsync(string url)
    {
        await SendAsync("Page.navigate", new JsonObject { ["url"] = url });
        await WaitForAsync("document.readyState === 'complete'");
    }

    /// <summary>Evaluates a JavaScript expression in the page (awaiting a promise) and returns its value as JSON.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["awaitPromise"] = true, ["returnByValue"] = true });
        Assert.True(result["exceptionDetails"] is null, $"{expression} threw: {result["exceptionDetails"]?.ToJsonString()}");
        return result["result"]!["value"];
    }

    /// <summary>Waits, at most 15 s, until the expression is truthy in the page.</summary>
    public async Task WaitForAsync(string expression)
    {
        var waited = Stopwatch.StartNew();
        while (await EvaluateAsync($"!!({expression})") is not JsonValue value || !value.GetValue<bool>())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(15), $"timed out waiting for {expression}");
            await Task.Delay(100);
        }
    }

    /// <summary>Clicks the element as a person would (an SVG element, which has no click(), gets a bubbling click event).</summary>
    public Task ClickAsync(string selector) =>
        EvaluateAsync($"(e => e.click ? e.click() : e.dispatchEvent(new MouseEvent('click', {{ bubbles: true }})))(document.querySelector({JsonSerializer.Serialize(selector)}))");

    public async Task<string> TextAsync(string selector) =>
        (await EvaluateAsync($"document.querySelector({JsonSerializer.Serialize(selector)})?.textContent ?? ''"))!.GetValue<string>();

    private async Task<JsonNode> SendAsync(string method, JsonObject parameters)
    {
        var id = ++nextId;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var answer = JsonNode.Parse(await ReceiveAsync(timeout.Token))!;
            if (answer["id"]?.GetValue<int>() == id)
            {
                Assert.True(answer["error"] is null, $"{method} failed: {answer["error"]?.ToJsonString()}");
                return answer["result"]!;
            }
        }
    }

    private async Task<string> ReceiveAsync(CancellationToken cancellation)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult received;
        do
        {
            received = await socket.ReceiveAsync(buffer, cancellation);
            message.Write(buffer, 0, received.Count);
        }
        while (!received.EndOfMessage);
        return Encoding.UTF8.GetString(message.ToArray());
    }

    public async ValueTask DisposeAsync()
    {
        socket.Dispose();
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
        profile.Delete(recursive: true);
    }
}
