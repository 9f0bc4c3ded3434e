using Docker.DotNet;
using Orchestrator.Execution.Docker.Internal;

namespace Orchestrator.Execution.Docker;

/// <summary>
/// Runs each task attempt in its own container of the step's image, with data_root bind-mounted at
/// <see cref="ContainerPaths.DataRoot"/>. A successful container is removed; a failed one is kept,
/// renamed so that a retry can start under the task's canonical name.
/// </summary>
internal sealed partial class DockerExecutor : ITaskExecutor, IDisposable
{
    private const int StderrTailLength = 20;

    private readonly DockerClient client;
    private readonly Uri engine;
    private readonly TimeProvider time;

    /// <summary>Connects to DOCKER_HOST (unix:// or tcp://), else unix:///var/run/docker.sock.</summary>
    public DockerExecutor(DockerExecutorSettings settings)
        : this(settings, DockerEndpoint.FromEnvironment(), TimeProvider.System)
    {
    }

    internal DockerExecutor(DockerExecutorSettings settings, Uri engine, TimeProvider time)
    {
        Settings = settings;
        this.engine = engine;
        this.time = time;
        client = DockerEndpoint.CreateClient(engine);
    }

    public string Name => "docker";

    public string TaskDataRoot => ContainerPaths.DataRoot;

    public DockerExecutorSettings Settings { get; }

    /// <summary>True when the engine (DOCKER_HOST, else the local unix socket) answers a ping.</summary>
    public static async Task<bool> IsEngineReachableAsync(CancellationToken cancellation)
    {
        using var probe = DockerEndpoint.CreateClient(DockerEndpoint.FromEnvironment());
        return await DockerEndpoint.PingAsync(probe, cancellation) is null;
    }

    public async Task<ExecutionResult> ExecuteAsync(TaskInvocation invocation, ITaskLog log, CancellationToken cancellation)
    {
        var output = new StderrTail(log, StderrTailLength);
        await using var container = await LaunchAsync(invocation, output, cancellation);
        try
        {
            var exit = await WaitForExitAsync(container, cancellation);
            return await ConcludeAsync(invocation, container, exit, output);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            await DiscardAsync(container.Id);
            throw;
        }
    }

    public void Dispose() => client.Dispose();
}
