using System.Net.Http.Json;
using System.Text.Json;
using Orchestrator.Cli;
using Orchestrator.Execution;
using Orchestrator.Server;
using Orchestrator.Tests.Support;

namespace Orchestrator.Tests.Server;

/// <summary>
/// The real server on 127.0.0.1 port 0 over a test graph in a temp data root, a stand-in executor
/// whose EvaluateModel writes metrics.json and a plot, and an HttpClient pointed at it.
/// </summary>
internal sealed class ServerHarness : IAsyncDisposable
{
    public static readonly string[] Pipeline = ["Download", "Train:Download", "EvaluateModel:Train"];
    public const string MetricsJson = """{"mse":2.5,"rmse":1.58,"mae":1.2,"r2":0.75,"rows":100}""";

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

    /// <param name="hold">When set, every task waits for it before finishing, so a run stays "going".</param>
    public static async Task<ServerHarness> StartAsync(string[]? specs = null, Task? hold = null, string? token = null, TimeSpan? taskDelay = null)
    {
        var directory = new TempDirectory();
        var executor = new RecordingExecutor(directory.Path)
        {
            Behavior = async (invocation, log, cancellation) =>
            {
                log.Line(LogStream.Stdout, $"working on {invocation.TaskId}");
                await (hold ?? Task.CompletedTask).WaitAsync(cancellation);
                await Task.Delay(taskDelay ?? TimeSpan.Zero, cancellation);
                if (invocation.TaskId == "EvaluateModel")
                {
                    var output = Directory.CreateDirectory(Path.Combine(directory.Path, "output")).FullName;
                    await File.WriteAllTextAsync(Path.Combine(output, "metrics.json"), MetricsJson, cancellation);
                    await File.WriteAllBytesAsync(Path.Combine(output, "PredictionsVSActuals.png"), [0x89, 0x50, 0x4E, 0x47], cancellation);
                }

                log.Line(LogStream.Stdout, $"done with {invocation.TaskId}");
                return 0;
            },
        };
        var environment = new CliEnvironment(TextWriter.Synchronized(new StringWriter()), TextWriter.Synchronized(new StringWriter()), TimeProvider.System)
        {
            GetVariable = _ => null,
            Pipeline = _ => TestGraph.Tasks(specs ?? Pipeline),
            CreateExecutor = (_, _, _) => Task.FromResult<ITaskExecutor>(executor),
        };
        var options = new ServeOptions { DataRoot = directory.Path, Port = 0, Token = token };
        var server = await PipelineServer.StartAsync(environment, ServerSettings.Resolve(options, environment), notifier: null, CancellationToken.None);
        return new ServerHarness(directory, executor, server, new HttpClient { BaseAddress = new Uri(server.Url) });
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
}
