using Orchestrator.Tests.Support;

namespace Orchestrator.Tests.EndToEnd;

/// <summary>
/// One full run of the real steps as local processes on a 2,000-row sample, shared by the end-to-end
/// tests. Steps are published into a fresh directory so the run tests the current step code.
/// </summary>
public sealed class ProcessPipelineFixture : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory temp = new();

    public string DataRoot => temp.Combine("data_root");

    public string StepsDirectory => temp.Combine("steps");

    internal CliResult FirstRun { get; private set; } = null!;

    internal Task<CliResult> RunAsync(params string[] extra) =>
        CliRunner.RunAsync(
            ["run", "--executor", "process", "--data-root", DataRoot, "--steps-dir", StepsDirectory,
             "--dataset-url", "sample://wine-reviews?rows=2000&seed=42", .. extra]);

    public async Task InitializeAsync() => FirstRun = await RunAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => temp.Dispose();
}
