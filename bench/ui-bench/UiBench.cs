using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Orchestrator.Cli;
using Orchestrator.Graph;

namespace WinePipeline.Bench.UiBench;

/// <summary>
/// Serves a generated graph of N tasks (default 2,000: 20 layers of 100, each task needing two of
/// the layer before) with `orchestrator serve`, then prints how long GET /api/graph takes and how
/// long the page takes in headless Chromium to load and draw, and to refresh the states while
/// outputs appear. Target: under one second each.
/// Usage: dotnet run -c Release --project bench/ui-bench [TASKS]
/// </summary>
public static partial class UiBench
{
    private const int Width = 100;

    public static async Task<int> Main(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2_000;
        var dataRoot = Directory.CreateTempSubdirectory("ui-bench-").FullName;
        using var stop = new CancellationTokenSource();
        var port = FreePort();
        var environment = new CliEnvironment(TextWriter.Null, Console.Error, TimeProvider.System) { Pipeline = _ => Generate(count) };
        var serving = new CliApp(environment).RunAsync(["serve", $"Task{count - 1:0000}", "--data-root", dataRoot, "--port", port.ToString(CultureInfo.InvariantCulture)], stop.Token);
        var url = $"http://127.0.0.1:{port}/";
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(url) };
            await WaitUntilServingAsync(client, serving);
            var (median, slowest, bytes) = await TimeGraphRequestsAsync(client, 20);
            Console.WriteLine($"{count} tasks: GET /api/graph median {median:0} ms, slowest {slowest:0} ms, {bytes / 1024} KiB");

            // Outputs appear while the page runs, so its refreshes have states to change.
            var appearing = Task.Run(() => CreateOutputsAsync(dataRoot, count, stop.Token));
            var clock = Stopwatch.StartNew();
            var dom = await DumpDomAsync(url);
            var chromium = clock.Elapsed;
            var firstRender = Attribute(dom, "first-render-ms");
            var refresh = Attribute(dom, "last-refresh-ms");
            var nodes = NodePattern().Count(dom);
            Console.WriteLine($"page: load + first render {firstRender} ms, last refresh (fetch + update) {refresh} ms, {nodes} nodes drawn; chromium wall time {chromium.TotalMilliseconds:0} ms");
            await stop.CancelAsync();
            await appearing;
            return nodes == count && double.Parse(firstRender, CultureInfo.InvariantCulture) < 1000 && double.Parse(refresh, CultureInfo.InvariantCulture) < 1000 ? 0 : 1;
        }
        finally
        {
            await stop.CancelAsync();
            await serving;
            Directory.Delete(dataRoot, recursive: true);
        }
    }

    private static List<TaskDefinition> Generate(int count) =>
        Enumerable.Range(0, count).Select(i => new TaskDefinition(
            $"Task{i:0000}",
            i < Width ? [] : new[] { $"Task{i - Width:0000}", $"Task{i - Width - (i % Width == 0 ? 0 : 1):0000}" }.Distinct().ToArray(),
            [TaskOutput.File($"task{i}.out")],
            new Dictionary<string, string>(),
            "step",
            "bench/step:1",
            [])).ToList();

    private static async Task<(double Median, double Slowest, long Bytes)> TimeGraphRequestsAsync(HttpClient client, int requests)
    {
        var times = new List<double>();
        long bytes = 0;
        for (var i = 0; i < requests; i++)
        {
            var clock = Stopwatch.StartNew();
            bytes = (await client.GetByteArrayAsync("api/graph")).LongLength;
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return (times[times.Count / 2], times[^1], bytes);
    }

    private static async Task CreateOutputsAsync(string dataRoot, int count, CancellationToken cancellation)
    {
        for (var i = 0; i < count && !cancellation.IsCancellationRequested; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(dataRoot, $"task{i}.out"), string.Empty, CancellationToken.None);
            if (i % 100 == 99)
            {
                await Task.Delay(200, CancellationToken.None);
            }
        }
    }

    private static async Task<string> DumpDomAsync(string url)
    {
        var profile = Directory.CreateTempSubdirectory("ui-bench-chromium-");
        try
        {
            var start = new ProcessStartInfo("chromium") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", $"--user-data-dir={profile.FullName}", "--window-size=1400,900",
                "--virtual-time-budget=4000", "--dump-dom", url,
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            var dom = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return process.ExitCode == 0 ? dom : throw new InvalidOperationException($"chromium exited with {process.ExitCode}: {await error}");
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    private static string Attribute(string dom, string name) =>
        Regex.Match(dom, $"data-{name}=\"(\\d+)\"") is { Success: true } match ? match.Groups[1].Value : "NaN";

    private static async Task WaitUntilServingAsync(HttpClient client, Task<int> serving)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (serving.IsCompleted)
            {
                throw new InvalidOperationException($"serve exited with code {await serving}");
            }

            try
            {
                (await client.GetAsync("api/runs")).EnsureSuccessStatusCode();
                return;
            }
            catch (HttpRequestException) when (attempt < 100)
            {
                await Task.Delay(100);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("<g class=\"node ")]
    private static partial Regex NodePattern();
}
