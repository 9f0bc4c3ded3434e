using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Orchestrator.Execution;
using Orchestrator.History;
using Orchestrator.Runs;
using Orchestrator.Server;
using Orchestrator.Tests.Support;

namespace Orchestrator.Tests.Server;

/// <summary>
/// The real server on 127.0.0.1 port 0 over a test graph in a temp data root, a stand-in executor
/// whose EvaluateModel writes metrics.json and three plots, and an HttpClient pointed at it.
/// </summary>
internal sealed partial class ServerHarness : IAsyncDisposable
{
    public static readonly string[] Pipeline = ["Download", "Train:Download", "EvaluateModel:Train"];
    public const string MetricsJson = """{"mse":2.5,"rmse":1.58,"mae":1.2,"r2":0.75,"rows":100}""";
    public static readonly string[] Plots = ["PredictedVsActual.png", "PredictionsVSActuals.png", "Residuals.png"];

    // A 1x1 PNG, so the page shows a real (tiny) image for each plot.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private readonly TempDirectory directory;
    private readonly PipelineServer server;

    private ServerHarness(TempDirectory directory, RecordingExecutor executor, PipelineServer server, HttpClient client)
    {
        this.directory = directory;
        Executor = executor;
        this.server = server;
        Client = client;
    }

    public string DataRoot => directory.Path;

    public RecordingExecutor Executor { get; }

    public HttpClient Client { get; }

    public string Url => server.Url;

    /// <summary>The parameter values the last run recorded.</summary>
    public IReadOnlyDictionary<string, string>? LastParameters => RunHistory.Open(DataRoot).Runs(1).FirstOrDefault()?.Parameters;

    /// <param name="specs">The test graph (see <see cref="TestGraph"/>); EvaluateModel writes the report's metrics and plots.</param>
    /// <param name="hold">When set, every task waits for it before finishing, so a run stays "going".</param>
    public static async Task<ServerHarness> StartAsync(string[]? specs = null, Task? hold = null, string? token = null, TimeSpan? taskDelay = null)
    {
        var directory = new TempDirectory();
        var pipeline = Define(specs ?? Pipeline);
        var executor = new RecordingExecutor(directory.Path)
        {
            Behavior = async (invocation, log, cancellation) =>
            {
                log.Line(LogStream.Stdout, $"working on {invocation.TaskId}");
                await (hold ?? Task.CompletedTask).WaitAsync(cancellation);
                await Task.Delay(taskDelay ?? TimeSpan.Zero, cancellation);
                if (invocation.TaskId == "EvaluateModel")
                {
                    var output = RecordingExecutor.OutDirectory(invocation);
                    await File.WriteAllTextAsync(Path.Combine(output, "metrics.json"), MetricsJson, cancellation);
                    foreach (var plot in Plots)
                    {
                        await File.WriteAllBytesAsync(Path.Combine(output, plot), Png, cancellation);
                    }
                }

                log.Line(LogStream.Stdout, $"done with {invocation.TaskId}");
                return 0;
            },
        };
        var context = new RunContext(TextWriter.Synchronized(new StringWriter()), TextWriter.Synchronized(new StringWriter()), TimeProvider.System, _ => null, (_, _, _, _) => Task.FromResult<ITaskExecutor>(executor));
        var run = new RunRequest(directory.Path, null, null, new Dictionary<string, string>(), new ExecutorRequest(null, directory.Path, directory.Path, false), Trigger: RunTrigger.Ui);
        var server = await PipelineServer.StartAsync(new PipelineRunner(pipeline, context), context, new ServerSettings(run, "http://127.0.0.1:0", token, ["127.0.0.1"]), notifier: null, CancellationToken.None);
        return new ServerHarness(directory, executor, server, new HttpClient { BaseAddress = new Uri(server.Url) }) { Defined = pipeline };
    }

    private static Orchestrator.Pipeline Define(string[] specs)
    {
        var builder = new PipelineBuilder("server-test");
        builder.Parameter("dataset-url", "sample://test");
        builder.Parameter("image-version", "0.1");
        builder.Parameter("image-prefix", "test");
        var tasks = TestGraph.Declare(builder, specs);
        tasks[specs[0].Split(':')[0]].Args("${dataset-url}", "${image-version}", "${image-prefix}");
        var evaluate = tasks["EvaluateModel"].Output("metrics", "metrics.json");
        foreach (var plot in Plots)
        {
            evaluate.Output(plot, plot);
        }

        return builder.Report("Server test", evaluate.Ref("metrics"), ["mse", "r2"], Plots.Select(evaluate.Ref)).Build();
    }

    private Orchestrator.Pipeline Defined { get; init; } = null!;

    /// <summary>Brings <paramref name="target"/> up to date with a CLI run on the same data root (another executor, so <see cref="Executor"/> does not see it).</summary>
    public async Task CompleteAsync(string target)
    {
        var run = await CliRunner.RunPipelineAsync(Defined, new RecordingExecutor(DataRoot), ["run", target, "--data-root", DataRoot]);
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    /// <summary>POST /api/runs as the page sends it: from the server's own origin, with the page's CSRF token.</summary>
    public async Task<HttpResponseMessage> PostRunAsync(string? json = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/runs")
        {
            Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", Url);
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        request.Headers.Add("X-CSRF-Token", await CsrfTokenAsync());
        return await Client.SendAsync(request);
    }

    /// <summary>The CSRF token the page carries.</summary>
    public async Task<string> CsrfTokenAsync() =>
        CsrfMeta().Match(await Client.GetStringAsync("/")) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("the page has no csrf-token meta tag");

    /// <summary>Starts a run as the page does and waits until the history shows it ended; returns its id.</summary>
    public async Task<string> RunToEndAsync(string? json = null)
    {
        // The previous run's history row is written before its lock is let go: a 409 in that gap is retried.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var response = await PostRunAsync(json);
        while (response.StatusCode == System.Net.HttpStatusCode.Conflict && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50);
            response = await PostRunAsync(json);
        }

        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        await WaitForAsync("/api/runs", runs => runs.EnumerateArray().Any(run => run.GetProperty("id").GetString() == id && run.GetProperty("outcome").GetString() != "running"));
        return id;
    }

    public async Task<JsonElement> GetJsonAsync(string path) => await Client.GetFromJsonAsync<JsonElement>(path);

    /// <summary>Polls until the condition holds on the JSON at <paramref name="path"/>, for at most 10 s.</summary>
    public async Task<JsonElement> WaitForAsync(string path, Func<JsonElement, bool> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var json = await GetJsonAsync(path);
            if (condition(json))
            {
                return json;
            }

            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), $"timed out waiting on {path}; last: {json}");
            await Task.Delay(50);
        }
    }

    [GeneratedRegex("""<meta name="csrf-token" content="([^"]+)">""")]
    private static partial Regex CsrfMeta();

    public static string StateOf(JsonElement graph, string taskId) =>
        graph.GetProperty("tasks").EnumerateArray().Single(task => task.GetProperty("id").GetString() == taskId).GetProperty("state").GetString()!;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await server.DisposeAsync();
        directory.Dispose();
    }
}
