namespace Orchestrator.Execution.Docker;

/// <summary>How the Docker executor reaches the engine and mounts data.</summary>
/// <param name="HostDataRoot">data_root as the ENGINE's host sees it (differs from the local path when the orchestrator runs in a container).</param>
/// <param name="LocalDataRoot">the same data_root as this process sees it, where its owner and permissions are checked.</param>
/// <param name="KeepContainers">Keep successful containers too, for inspection.</param>
internal sealed record DockerExecutorSettings(string HostDataRoot, string LocalDataRoot, bool KeepContainers);
