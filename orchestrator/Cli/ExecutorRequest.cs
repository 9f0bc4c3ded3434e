namespace WinePipeline.Orchestrator.Cli;

/// <summary>What `run` asked for when choosing and configuring an executor.</summary>
/// <param name="Kind">"docker", "process", or null to pick docker when the engine answers.</param>
/// <param name="DataRoot">Absolute local data root.</param>
/// <param name="HostDataRoot">data_root as the Docker engine's host sees it.</param>
/// <param name="StepsDirectory">--steps-dir: published step programs for the process executor.</param>
public sealed record ExecutorRequest(string? Kind, string DataRoot, string HostDataRoot, bool KeepContainers, string? StepsDirectory)
{
    /// <summary>--docker-host: the engine (a swarm manager for the swarm executor); null for DOCKER_HOST.</summary>
    public string? DockerHost { get; init; }

    /// <summary>--node-docker-host: how to reach a swarm node's engine, "{node}" standing for its hostname.</summary>
    public string? NodeDockerHost { get; init; }
}

/// <summary>Creates the executor for a run, writing one line saying which one when it had to choose.</summary>
public delegate Task<Execution.ITaskExecutor> ExecutorFactory(ExecutorRequest request, TextWriter output, CancellationToken cancellation);
