using Docker.DotNet;
using Orchestrator.Execution.Docker.Internal;
using Orchestrator.Execution.Failures;
using Orchestrator.Execution.Swarm.Internal;

namespace Orchestrator.Execution.Swarm;

/// <summary>
/// Runs each task attempt as a Docker Swarm job (a ReplicatedJob service of one completion) through
/// a swarm manager, on whichever node the swarm picks. The data root must be shared storage mounted
/// at the same path on every node, and every node must hold the step images. The service is removed
/// once the attempt has ended and its logs are in the attempt's log file.
/// </summary>
internal sealed partial class SwarmExecutor : ITaskExecutor, IDisposable
{
    private const int StderrTailLength = 20;

    private readonly DockerClient manager;
    private readonly Uri managerAddress;
    private readonly TimeProvider time;
    private readonly NodeEngines nodes;
    private readonly string hostDataRoot;
    private readonly Lock networkGate = new();
    private Task? isolatedNetwork;

    /// <param name="manager">A swarm manager's engine: unix:// or tcp://.</param>
    public SwarmExecutor(SwarmExecutorSettings settings, Uri manager, TimeProvider time)
    {
        Settings = settings;
        hostDataRoot = HostDataRoot.Of(settings.HostDataRoot, settings.LocalDataRoot);
        managerAddress = manager;
        this.time = time;
        nodes = NodeEngines.Of(settings.NodeEngineTemplate);
        this.manager = DockerEndpoint.CreateClient(manager);
    }

    public string Name => "swarm";

    public string TaskDataRoot => ContainerPaths.DataRoot;

    public SwarmExecutorSettings Settings { get; }

    public async Task<ExecutionResult> ExecuteAsync(TaskInvocation invocation, ITaskLog log, CancellationToken cancellation)
    {
        var output = new StderrTail(log, StderrTailLength);
        try
        {
            return await RunJobAsync(invocation, output, cancellation);
        }
        catch (Exception e) when (EngineErrors.IsUnreachable(e) && !cancellation.IsCancellationRequested)
        {
            return Failed(ClassifiedFailure.EngineUnreachable(managerAddress, e.GetBaseException().Message), ExecutionEngine.ExecutorErrorExitCode, invocation, output);
        }
    }

    public void Dispose() => manager.Dispose();

    private async Task<ExecutionResult> RunJobAsync(TaskInvocation invocation, StderrTail output, CancellationToken cancellation)
    {
        var serviceId = await LaunchAsync(invocation, cancellation);
        try
        {
            await using var logs = ServiceLogs.Follow(manager, serviceId, output);
            var end = await new JobWatcher(manager, time, Settings.PollInterval)
                .WaitAsync(serviceId, invocation.Timeout ?? SwarmExecutorSettings.DefaultSchedulingTimeout, cancellation);
            await logs.FinishAsync(catchUp: end.Kind is JobEndKind.Completed or JobEndKind.Failed, Settings.LogCatchUpTimeout);
            var result = await ConcludeAsync(end, invocation, output);
            await RemoveAsync(serviceId);
            return result;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            await RemoveAsync(serviceId);
            throw;
        }
    }

    /// <summary>Makes the isolated network once per executor; a failed try is made again by the next attempt.</summary>
    private Task EnsureIsolatedNetworkAsync()
    {
        lock (networkGate)
        {
            if (isolatedNetwork is null || isolatedNetwork.IsFaulted || isolatedNetwork.IsCanceled)
            {
                isolatedNetwork = IsolatedNetwork.EnsureAsync(manager, CancellationToken.None);
            }

            return isolatedNetwork;
        }
    }

    private async Task RemoveAsync(string serviceId)
    {
        try
        {
            await manager.Swarm.RemoveServiceAsync(serviceId, CancellationToken.None);
        }
        catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
        }
    }
}
