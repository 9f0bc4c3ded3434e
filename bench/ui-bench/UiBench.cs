using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Orchestrator.Cli;

namespace WinePipeline.Bench.UiBench;

/// <summary>
/// Serves generated graphs with `orchestrator serve`, then prints how long GET /api/graph takes and
/// how long the page takes in headless Chromium to load and draw (in real time, read through the
/// DevTools protocol, from a browser that has finished starting; see <see cref="HeadlessChromium"/>),
/// to refresh the states while outputs appear, and, where it draws only what is in view, to draw
/// what comes into view when its panel is scrolled to the far corner: fastest and median of five
/// page loads (a shared machine's noise only adds).
/// The page of today and the last one before the ES modules (from git) load in turns, each through
/// the same local proxy (after one load of each that is not measured), and the new page's figures
/// are also given as ratios to the old one's.
/// A grid of N tasks (default 2,000: 20 layers of 100, each task needing two of the layer before)
/// is drawn at once on the server's layers, then redrawn when dagre has laid it out in a worker;
/// a sweep (N/2 variants of a training task and of its evaluation, grouped) is laid out by dagre
/// before its first draw. Targets: under one second each, and the new first draw no slower than the old.
/// Usage: dotnet run -c Release --project bench/ui-bench [TASKS]
/// </summary>
public static partial class UiBench
{
    private const int Loads = 5;

    // Scrolls the graph's panel to its far corner and waits two frames: a page that draws only what is in view draws it then.
    private const string ScrollToTheFarCorner =
        "(async g => { g.scrollTo(g.scrollWidth, g.scrollHeight); await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))); })(document.getElementById('graph'))";

    public static async Task<int> Main(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2_000;
        if (!HeadlessChromium.IsInstalled())
        {
            Console.Error.WriteLine("ui-bench: chromium is not on the PATH; install it with: bash scripts/ensure-docker.sh (or apt-get install -y chromium)");
            return 2;
        }

        List<BenchPage> pages = [BenchPage.Current];
        if (BenchPage.Old(out var missing) is { } old)
        {
            pages.Add(old);
        }
        else
        {
            Console.WriteLine($"old page: {missing}; measuring the new page only");
        }

        var grid = await MeasureAsync("grid", BenchPipelines.Grid(count), pages);
        var sweep = await MeasureAsync("sweep", BenchPipelines.Sweep(count / 2), pages);
        return grid && sweep ? 0 : 1;
    }

    private static async Task<bool> MeasureAsync(string name, Orchestrator.Pipeline pipeline, IReadOnlyList<BenchPage> pages)
    {
        var tasks = pipeline.Resolve(pipeline.Defaults()).Declared;
        var dataRoot = Directory.CreateTempSubdirectory("ui-helper-bench-").FullName;
        using var stop = new CancellationTokenSource();
        var port = LoopbackPort.Free();
        var environment = new CliEnvironment(TextWriter.Null, Console.Error, TimeProvider.System) { Pipeline = pipeline };
        var serving = new CliApp(environment).RunAsync(["serve", tasks[^1].Id, "--data-root", dataRoot, "--port", port.ToString(CultureInfo.InvariantCulture)], stop.Token);
        var url = $"http://127.0.0.1:{port}/";
        var proxies = new List<PageProxy>();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(url) };
            await WaitUntilServingAsync(client, serving);
            var (median, slowest, bytes, unchanged) = await TimeGraphRequestsAsync(client, 20);
            Console.WriteLine($"{name}, {tasks.Count} tasks: GET /api/graph median {median:0} ms, slowest {slowest:0} ms, {bytes / 1024} KiB; unchanged (304 to its ETag) median {unchanged:0} ms");
            foreach (var page in pages)
            {
                proxies.Add(await PageProxy.StartAsync(url, page));
            }

            // One load of each page, not measured: the server's and the proxy's code is compiled and the
            // proxy keeps the page's files, whichever page happens to load first.
            foreach (var proxy in proxies)
            {
                await HeadlessChromium.DumpDomAsync(proxy.Url);
            }

            // Outputs appear while the first pages run, so their refreshes have states to change.
            var appearing = Task.Run(() => CreateOutputsAsync(dataRoot, tasks, stop.Token));
            var doms = pages.ToDictionary(page => page.Name, _ => new List<string>());
            for (var load = 0; load < Loads; load++)
            {
                for (var i = 0; i < pages.Count; i++)
                {
                    doms[pages[i].Name].Add(await HeadlessChromium.DumpDomAsync(proxies[i].Url, ScrollToTheFarCorner));
                }
            }

            await stop.CancelAsync();
            await appearing;
            var figures = pages.Select((page, i) => Report(page.Name, doms[page.Name], proxies[i].MedianRewriteMs)).ToList();
            if (figures.Count == 2)
            {
                var (current, previous) = (figures[0], figures[1]);
                Console.WriteLine($"new / old first render: {current.FirstRender[0] / previous.FirstRender[0]:0.00} fastest, {current.FirstRender[1] / previous.FirstRender[1]:0.00} median");
            }

            return figures[0].Nodes > 0 && figures[0].FirstRender[1] < 1000 && figures[0].Refresh[1] < 1000;
        }
        finally
        {
            await stop.CancelAsync();
            foreach (var proxy in proxies)
            {
                await proxy.DisposeAsync();
            }

            await serving;
            Directory.Delete(dataRoot, recursive: true);
        }
    }

    private static PageFigures Report(string page, List<string> doms, double rewriteMs)
    {
        var firstRenders = doms.Select(dom => Attribute(dom, "first-render-ms")).Order().ToList();
        var refreshes = doms.Select(dom => Attribute(dom, "last-refresh-ms")).Order().ToList();
        var scrolls = doms.Select(dom => Attribute(dom, "draw-area-ms")).Order().ToList();
        var (nodes, groups) = (NodePattern().Count(doms[0]), GroupPattern().Count(doms[0]));
        var rewrite = rewriteMs > 0 ? $"; the proxy's reshaping of /api/graph for it: {rewriteMs:0.0} ms median" : string.Empty;
        var scrolled = double.IsNaN(scrolls[0]) ? "all boxes drawn up front" : $"scrolled to the far corner, what came into view drawn in {scrolls[Loads / 2]:0.0} ms median, {scrolls[^1]:0.0} ms slowest";
        Console.WriteLine($"  {page} page: load + first render {firstRenders[0]:0} ms fastest, {firstRenders[Loads / 2]:0} ms median; " +
            $"last refresh (fetch + update) {refreshes[0]:0} ms fastest, {refreshes[Loads / 2]:0} ms median; " +
            $"{nodes} task boxes and {groups} group boxes in the DOM at the end ({scrolled}){rewrite}");
        return new PageFigures([firstRenders[0], firstRenders[Loads / 2]], [refreshes[0], refreshes[Loads / 2]], nodes);
    }

    private sealed record PageFigures(double[] FirstRender, double[] Refresh, int Nodes);

    /// <summary>Full answers, then as many asked with the last one's ETag, which the server answers 304 while nothing changes.</summary>
    private static async Task<(double Median, double Slowest, long Bytes, double UnchangedMedian)> TimeGraphRequestsAsync(HttpClient client, int requests)
    {
        var (full, unchanged) = (new List<double>(), new List<double>());
        long bytes = 0;
        EntityTagHeaderValue? tag = null;
        for (var i = 0; i < requests; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await client.GetAsync("api/graph");
            bytes = (await response.Content.ReadAsByteArrayAsync()).LongLength;
            full.Add(clock.Elapsed.TotalMilliseconds);
            tag = response.Headers.ETag;
        }

        for (var i = 0; i < requests; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/graph") { Headers = { IfNoneMatch = { tag! } } };
            var clock = Stopwatch.StartNew();
            using var response = await client.SendAsync(request);
            unchanged.Add(clock.Elapsed.TotalMilliseconds);
            if (response.StatusCode != HttpStatusCode.NotModified)
            {
                throw new InvalidOperationException($"GET /api/graph with its own ETag answered {(int)response.StatusCode}, not 304");
            }
        }

        full.Sort();
        unchanged.Sort();
        return (full[full.Count / 2], full[^1], bytes, unchanged[unchanged.Count / 2]);
    }

    private static async Task CreateOutputsAsync(string dataRoot, IReadOnlyList<Orchestrator.Graph.TaskDefinition> tasks, CancellationToken cancellation)
    {
        for (var i = 0; i < tasks.Count && !cancellation.IsCancellationRequested; i++)
        {
            var output = Path.Combine(dataRoot, tasks[i].Outputs[0].Path);
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            await File.WriteAllTextAsync(output, string.Empty, CancellationToken.None);
            if (i % 100 == 99)
            {
                await Task.Delay(200, CancellationToken.None);
            }
        }
    }

    private static double Attribute(string dom, string name) =>
        Regex.Match(dom, $"data-{name}=\"([\\d.]+)\"") is { Success: true } match ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;

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

    [GeneratedRegex("<g class=\"node ")]
    private static partial Regex NodePattern();

    [GeneratedRegex("<g class=\"group ")]
    private static partial Regex GroupPattern();
}
