using Orchestrator.Fingerprints;

namespace Orchestrator.Execution;

/// <summary>What a run asked for when choosing and configuring an executor.</summary>
/// <param name="Kind">"docker", "process", "swarm", or null to pick docker when the engine answers.</param>
/// <param name="DataRoot">Absolute local data root.</param>
/// <param name="HostDataRoot">The data root as the Docker engine's host sees it.</param>
internal sealed record ExecutorRequest(string? Kind, string DataRoot, string HostDataRoot, bool KeepContainers)
{
    /// <summary>--docker-host: the engine (a swarm manager for the swarm executor); null for DOCKER_HOST.</summary>
    public string? DockerHost { get; init; }

    /// <summary>--node-docker-host: how to reach a swarm node's own engine, "{node}" standing for its hostname.</summary>
    public string? NodeDockerHost { get; init; }
}

/// <summary>Creates the executor for a run, writing one line saying which one when it had to choose.</summary>
internal delegate Task<ITaskExecutor> ExecutorFactory(ExecutorRequest request, ContentHashes hashes, TextWriter output, CancellationToken cancellation);
