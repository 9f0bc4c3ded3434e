using Docker.DotNet.Models;

namespace Orchestrator.Execution.Swarm;

internal sealed partial class SwarmExecutor : IClusterCapacity
{
    private const string ActiveNode = "active";
    private const double NanoCpusPerCpu = 1e9;

    /// <summary>
    /// The resources of the ready, active nodes less what running tasks (this orchestrator's or anyone's)
    /// have reserved on them. A sweep's variants then run at once across the nodes, each reserving what
    /// it declares, and none waits in Pending for a node to free up (a wait that counts against its timeout).
    /// </summary>
    public async Task<ClusterCapacity> FreeCapacityAsync(CancellationToken cancellation)
    {
        var nodes = (await manager.Swarm.ListNodesAsync(cancellation))
            .Where(node => node.Status.State == ReadyNode && node.Spec.Availability == ActiveNode)
            .ToList();
        var running = await manager.Tasks.ListAsync(
            new TasksListParameters { Filters = new Dictionary<string, IDictionary<string, bool>> { ["desired-state"] = new Dictionary<string, bool> { ["running"] = true } } },
            cancellation);
        var reserved = running.Where(task => task.Spec?.Resources?.Reservations is not null && !string.IsNullOrEmpty(task.NodeID))
            .GroupBy(task => task.NodeID)
            .ToDictionary(group => group.Key, group => (
                Cpus: group.Sum(task => task.Spec.Resources.Reservations.NanoCPUs) / NanoCpusPerCpu,
                Memory: group.Sum(task => task.Spec.Resources.Reservations.MemoryBytes)));

        double cpus = 0;
        long memory = 0;
        foreach (var node in nodes)
        {
            var taken = reserved.GetValueOrDefault(node.ID);
            cpus += Math.Max(0, (node.Description.Resources.NanoCPUs / NanoCpusPerCpu) - taken.Cpus);
            memory += Math.Max(0, node.Description.Resources.MemoryBytes - taken.Memory);
        }

        return new ClusterCapacity(cpus, memory, nodes.Count);
    }
}
