using System.Net.Http.Json;
using System.Text.Json;
using Orchestrator.Execution;
using Orchestrator.History;
using Orchestrator.Runs;
using Orchestrator.Server;
using Orchestrator.Tests.Support;

namespace Orchestrator.Tests.Server;

/// <summary>
/// The real server on 127.0.0.1 port 0 over a test pipeline in a temp data root, a stand-in executor
/// whose EvaluateModel writes the report's metrics.json and plot, and an HttpClient pointed at it.
/// </summary>
internal sealed class ServerHarness : IAsyncDisposable
{
    public static readonly string[] Tasks = ["Download", "Train:Download", "EvaluateModel:Train"];
    public const string MetricsJson = """{"mse":2.5,"rmse":1.58,"mae":1.2,"r2":0.75,"rows":100}""";

    private readonly TempDirectory directory;
    private readonly PipelineServer server;

    private ServerHarness(TempDirectory directory, Pipeline pipeline, RecordingExecutor executor, PipelineServer server, HttpClient client)
    {
        this.directory = directory;
        Pipeline = pipeline;
        Executor = executor;
        this.server = server;
        Client = client;
    }

    public string DataRoot => directory.Path;

    public Pipeline Pipeline { get; }

    public RecordingExecutor Executor { get; }

    public HttpClient Client { get; }

    public string Url => server.Url;

    /// <param name="hold">When set, every task the server runs waits for it before finishing, so a run stays "going".</param>
    public static async Task<ServerHarness> StartAsync(Task? hold = null, string? token = null)
    {
        var directory = new TempDirectory();
        var pipeline = Define();
        var executor = new RecordingExecutor(directory.Path)
        {
            Behavior = async (invocation, log, cancellation) =>
            {
                log.Line(LogStream.Stdout, $"working on {invocation.TaskId}");
                await (hold ?? Task.CompletedTask).WaitAsync(cancellation);
                await WriteReportAsync(invocation, cancellation);
                log.Line(LogStream.Stdout, $"done with {invocation.TaskId}");
                return 0;
            },
        };
        var context = new RunContext(TextWriter.Synchronized(new StringWriter()), TextWriter.Synchronized(new StringWriter()), TimeProvider.System, _ => null, (_, _, _, _) => Task.FromResult<ITaskExecutor>(executor));
        var run = new RunRequest(directory.Path, null, null, new Dictionary<string, string>(), new ExecutorRequest(null, directory.Path, directory.Path, false), Trigger: RunTrigger.Ui);
        var server = await PipelineServer.StartAsync(new PipelineRunner(pipeline, context), context, new ServerSettings(run, "http://127.0.0.1:0", token), notifier: null, CancellationToken.None);
        return new ServerHarness(directory, pipeline, executor, server, new HttpClient { BaseAddress = new Uri(server.Url) });
    }

    /// <summary>Brings <paramref name="target"/> up to date with a CLI run on the same data root (another executor, so <see cref="Executor"/> does not see it).</summary>
    public async Task CompleteAsync(string target)
    {
        var run = await CliRunner.RunPipelineAsync(Pipeline, new RecordingExecutor(DataRoot) { Behavior = (invocation, _, cancellation) => WriteReportAsync(invocation, cancellation) }, ["run", target, "--data-root", DataRoot]);
        Assert.True(run.ExitCode == 0, run.ToString());
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

    public static string StateOf(JsonElement graph, string taskId) =>
        graph.GetProperty("tasks").EnumerateArray().Single(task => task.GetProperty("id").GetString() == taskId).GetProperty("state").GetString()!;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await server.DisposeAsync();
        directory.Dispose();
    }

    private static Pipeline Define()
    {
        var builder = new PipelineBuilder("server-test");
        var evaluate = TestGraph.Declare(builder, Tasks)["EvaluateModel"]
            .Output("metrics", "metrics.json")
            .Output("predictions", "PredictionsVSActuals.png");
        return builder.Report("Server test", evaluate.Ref("metrics"), ["mse", "r2"], [evaluate.Ref("predictions")]).Build();
    }

    /// <summary>What EvaluateModel writes besides its own output; returns the exit code, 0.</summary>
    private static async Task<int> WriteReportAsync(TaskInvocation invocation, CancellationToken cancellation)
    {
        if (invocation.TaskId == "EvaluateModel")
        {
            var output = RecordingExecutor.OutDirectory(invocation);
            await File.WriteAllTextAsync(Path.Combine(output, "metrics.json"), MetricsJson, cancellation);
            await File.WriteAllBytesAsync(Path.Combine(output, "PredictionsVSActuals.png"), [0x89, 0x50, 0x4E, 0x47], cancellation);
        }

        return 0;
    }
}
