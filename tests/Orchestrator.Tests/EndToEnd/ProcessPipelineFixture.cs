using Orchestrator.Tests.Support;

namespace Orchestrator.Tests.EndToEnd;

/// <summary>
/// One full run of the real steps as local processes on a 2,000-row sample, shared by the end-to-end
/// tests. The process executor publishes each step into the checkout's artifacts/publish/ first when
/// its code changed since the last publish, so the run tests the current step code.
/// </summary>
public sealed class ProcessPipelineFixture : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory temp = new();

    public string DataRoot => temp.Combine("data_root");

    internal CliResult FirstRun { get; private set; } = null!;

    public static string[] Arguments(string dataRoot) =>
        ["run", "--executor", "process", "--data-root", dataRoot, "-p", "dataset-url=sample://wine-reviews?rows=2000&seed=42"];

    internal Task<CliResult> RunAsync(params string[] extra) => CliRunner.RunWineAsync([.. Arguments(DataRoot), .. extra]);

    public async Task InitializeAsync() => FirstRun = await RunAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => temp.Dispose();
}
