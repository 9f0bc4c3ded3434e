using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Orchestrator.Cli;
using Orchestrator.Graph;

namespace WinePipeline.Bench.UiBench;

/// <summary>
/// Serves generated graphs with `orchestrator serve`, then prints how long GET /api/graph takes and
/// how long the page takes in headless Chromium to load and draw, and to refresh the states while
/// outputs appear. A grid of N tasks (default 2,000: 20 layers of 100, each task needing two of the
/// layer before) is drawn at once on the server's layers, then redrawn when dagre has laid it out in
/// a worker (printed when that finished within the page's time budget); a sweep (N/2 variants of a
/// training task and of its evaluation, grouped) is laid out by dagre before its first draw.
/// Target: under one second each.
/// Usage: dotnet run -c Release --project bench/ui-bench [TASKS]
/// </summary>
public static partial class UiBench
{
    private const int Width = 100;

    public static async Task<int> Main(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2_000;
        var grid = await MeasureAsync("grid", Generate(count));
        var sweep = await MeasureAsync("sweep", Sweep(count / 2));
        return grid && sweep ? 0 : 1;
    }

    private static async Task<bool> MeasureAsync(string name, List<TaskDefinition> tasks)
    {
        var count = tasks.Count;
        var dataRoot = Directory.CreateTempSubdirectory("ui-bench-").FullName;
        using var stop = new CancellationTokenSource();
        var port = FreePort();
        var environment = new CliEnvironment(TextWriter.Null, Console.Error, TimeProvider.System) { Pipeline = _ => tasks };
        var serving = new CliApp(environment).RunAsync(["serve", tasks[^1].Id, "--data-root", dataRoot, "--port", port.ToString(CultureInfo.InvariantCulture)], stop.Token);
        var url = $"http://127.0.0.1:{port}/";
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(url) };
            await WaitUntilServingAsync(client, serving);
            var (median, slowest, bytes) = await TimeGraphRequestsAsync(client, 20);
            Console.WriteLine($"{name}, {count} tasks: GET /api/graph median {median:0} ms, slowest {slowest:0} ms, {bytes / 1024} KiB");

            // Outputs appear while the page runs, so its refreshes have states to change.
            var appearing = Task.Run(() => CreateOutputsAsync(dataRoot, tasks, stop.Token));
            var clock = Stopwatch.StartNew();
            var dom = await DumpDomAsync(url);
            var chromium = clock.Elapsed;
            var firstRender = Attribute(dom, "first-render-ms");
            var refresh = Attribute(dom, "last-refresh-ms");
            var layout = Attribute(dom, "layout-ms");
            var nodes = NodePattern().Count(dom);
            var groups = GroupPattern().Count(dom);
            Console.WriteLine($"page: load + first render {firstRender} ms, last refresh (fetch + update) {refresh} ms, " +
                $"{nodes} task boxes and {groups} group boxes drawn, dagre layout in a worker {(layout == "NaN" ? "not used or not done within the budget" : $"{layout} ms")}; chromium wall time {chromium.TotalMilliseconds:0} ms");
            await stop.CancelAsync();
            await appearing;
            return nodes > 0 && double.Parse(firstRender, CultureInfo.InvariantCulture) < 1000 && double.Parse(refresh, CultureInfo.InvariantCulture) < 1000;
        }
        finally
        {
            await stop.CancelAsync();
            await serving;
            Directory.Delete(dataRoot, recursive: true);
        }
    }

    private static List<TaskDefinition> Generate(int count) =>
        Enumerable.Range(0, count).Select(i => Define(
            $"Task{i:0000}",
            i < Width ? [] : new[] { $"Task{i - Width:0000}", $"Task{i - Width - (i % Width == 0 ? 0 : 1):0000}" }.Distinct().ToArray())).ToList();

    /// <summary>Download, Prepare, N Train[trees=k] and N Evaluate[trees=k] variants, one Report over them all.</summary>
    private static List<TaskDefinition> Sweep(int variants)
    {
        var trees = Enumerable.Range(1, variants).Select(k => $"trees={k}").ToList();
        return
        [
            Define("Download", []),
            Define("Prepare", ["Download"]),
            .. trees.Select(k => Define($"Train[{k}]", ["Prepare"])),
            .. trees.Select(k => Define($"Evaluate[{k}]", [$"Train[{k}]", "Prepare"])),
            Define("Report", [.. trees.Select(k => $"Evaluate[{k}]")]),
        ];
    }

    private static TaskDefinition Define(string id, string[] dependsOn) =>
        new(id, dependsOn, [TaskOutput.File($"{id}.out")], new Dictionary<string, string>(), "step", "bench/step:1", []);

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

    private static async Task CreateOutputsAsync(string dataRoot, List<TaskDefinition> tasks, CancellationToken cancellation)
    {
        for (var i = 0; i < tasks.Count && !cancellation.IsCancellationRequested; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(dataRoot, tasks[i].Outputs[0].Path), string.Empty, CancellationToken.None);
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
                "--virtual-time-budget=20000", "--dump-dom", url,
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

    [GeneratedRegex("<g class=\"group ")]
    private static partial Regex GroupPattern();
}
