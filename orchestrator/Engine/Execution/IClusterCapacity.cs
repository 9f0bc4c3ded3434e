namespace Orchestrator.Execution;

/// <summary>
/// An executor whose tasks run on other machines than this one (a cluster): the engine hands out
/// what the cluster has free, not what this machine has, unless --cpus or --memory say otherwise.
/// </summary>
internal interface IClusterCapacity
{
    /// <summary>What the cluster's nodes that take tasks have free now.</summary>
    Task<ClusterCapacity> FreeCapacityAsync(CancellationToken cancellation);
}

/// <summary>The CPUs and memory free on <paramref name="Nodes"/> nodes, all of them summed.</summary>
internal sealed record ClusterCapacity(double Cpus, long MemoryBytes, int Nodes);
