using Docker.DotNet;
using Orchestrator.Execution.Docker.Internal;
using Orchestrator.Execution.Swarm.Internal;
using Orchestrator.Graph;

namespace Orchestrator.Execution.Swarm;

internal sealed partial class SwarmExecutor
{
    private const string ReadyNode = "ready";

    /// <summary>
    /// The manager answers and is a manager, some node is ready, and the isolated network exists.
    /// When node engines can be reached (<see cref="SwarmExecutorSettings.NodeEngineTemplate"/>), every
    /// ready node holds every image; else a missing image shows as a rejected task.
    /// </summary>
    public async Task EnsureReadyAsync(IReadOnlyCollection<TaskDefinition> tasks, CancellationToken cancellation)
    {
        if (tasks.FirstOrDefault(task => task.Image is null) is { } local)
        {
            throw new ExecutorUnavailableException($"task {local.Id} has no image, only a local command; run it with --executor process, or give it an image");
        }

        if (await DockerEndpoint.PingAsync(manager, cancellation) is { } reason)
        {
            throw SwarmErrors.ManagerUnreachable(managerAddress, reason);
        }

        try
        {
            await manager.Swarm.InspectSwarmAsync(cancellation);
        }
        catch (DockerApiException e)
        {
            throw SwarmErrors.NotAManager(managerAddress, DockerErrors.EngineMessage(e));
        }

        var ready = (await manager.Swarm.ListNodesAsync(cancellation)).Where(node => node.Status.State == ReadyNode).Select(node => node.Description.Hostname).ToList();
        if (ready.Count == 0)
        {
            throw SwarmErrors.NoNodeReady(managerAddress);
        }

        await EnsureIsolatedNetworkAsync().WaitAsync(cancellation);
        var images = tasks.Select(task => task.Image!).Distinct(StringComparer.Ordinal).ToList();
        foreach (var node in ready)
        {
            if (await nodes.FirstMissingImageAsync(node, images, cancellation) is { } missing)
            {
                throw SwarmErrors.ImageMissing(missing, node);
            }
        }
    }
}
