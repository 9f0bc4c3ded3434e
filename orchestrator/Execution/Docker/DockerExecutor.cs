namespace WinePipeline.Orchestrator.Execution.Docker;

/// <summary>How the Docker executor reaches the engine and mounts data.</summary>
/// <param name="HostDataRoot">data_root as the ENGINE's host sees it (differs from the local path when the orchestrator runs in a container).</param>
/// <param name="KeepContainers">Keep successful containers too, for inspection.</param>
public sealed record DockerExecutorSettings(string HostDataRoot, bool KeepContainers);

// Placeholder signature agreed between the orchestrator core and the Docker executor; replaced by the real implementation.
public sealed class DockerExecutor(DockerExecutorSettings settings) : ITaskExecutor, IDisposable
{
    public string Name => "docker";

    public DockerExecutorSettings Settings { get; } = settings;

    /// <summary>True when the engine (DOCKER_HOST, else the local unix socket) answers a ping.</summary>
    public static Task<bool> IsEngineReachableAsync(CancellationToken cancellation) => throw new NotImplementedException();

    public Task EnsureReadyAsync(IReadOnlyCollection<TaskInvocation> invocations, CancellationToken cancellation) => throw new NotImplementedException();

    public Task<ExecutionResult> ExecuteAsync(TaskInvocation invocation, ITaskLog log, CancellationToken cancellation) => throw new NotImplementedException();

    public void Dispose()
    {
    }
}
