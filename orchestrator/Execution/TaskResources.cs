namespace WinePipeline.Orchestrator.Execution;

/// <summary>What one attempt of a task may use: limits for the docker and swarm executors (and reservations on a swarm).</summary>
/// <param name="Cpus">CPUs, fractions allowed (1.5); null for no limit.</param>
/// <param name="MemoryBytes">Memory in bytes; null for no limit.</param>
/// <param name="Gpus">GPUs the task needs; 0 for none.</param>
public sealed record TaskResources(double? Cpus = null, long? MemoryBytes = null, int Gpus = 0)
{
    /// <summary>True when nothing is asked for.</summary>
    public bool IsNone => Cpus is null && MemoryBytes is null && Gpus == 0;
}
