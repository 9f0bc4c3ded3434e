using Docker.DotNet;

namespace Orchestrator.Execution.Docker.Internal;

/// <summary>A started (or followed) container whose output is being copied to the task log.</summary>
internal sealed class LaunchedContainer(string id, string name, MultiplexedStream output, Task logs) : IAsyncDisposable
{
    public string Id => id;

    public string Name => name;

    /// <summary>Completes once the container's output streams have closed and every line was logged.</summary>
    public Task Logs => logs;

    /// <summary>Set when the engine refused to start the container; there is then nothing to wait for.</summary>
    public ContainerExit? StartFailure { get; set; }

    public async ValueTask DisposeAsync()
    {
        output.Dispose();
        try
        {
            await logs;
        }
#pragma warning disable CA1031 // The run's outcome is already decided; a reader cut off by closing its stream has nothing left to report.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
