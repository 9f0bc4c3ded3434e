namespace Orchestrator.Execution.Swarm;

/// <summary>How the swarm executor mounts data and watches its jobs.</summary>
/// <param name="HostDataRoot">data_root as every node sees it: shared storage (NFS, a shared disk) mounted at this same path on each node.</param>
/// <param name="LocalDataRoot">the same data_root as this process sees it, where its owner is read.</param>
internal sealed record SwarmExecutorSettings(string HostDataRoot, string LocalDataRoot)
{
    /// <summary>How long a task may wait for a node when it names no timeout of its own.</summary>
    public static readonly TimeSpan DefaultSchedulingTimeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How to reach a node's own engine, with "{node}" standing for its hostname, e.g.
    /// "unix:///run/swarmtest/{node}.sock" or "tcp://{node}:2375". The manager reports no OOM kill;
    /// the node's engine does. Null: an exit 137 under a memory limit is reported as probably out of memory.
    /// </summary>
    public string? NodeEngineTemplate { get; init; }

    /// <summary>How often the job's task and its node are looked at.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long to wait for the rest of a finished job's logs.</summary>
    public TimeSpan LogCatchUpTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
