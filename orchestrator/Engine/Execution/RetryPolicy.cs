namespace Orchestrator;

/// <summary>
/// What a failed attempt is retried for. Infrastructure failures (engine unreachable, task rejected,
/// node lost) are retried <see cref="InfrastructureRetries"/> times; a step's own non-zero exit only
/// <see cref="ExitRetries"/> times; running out of memory only when <see cref="MemoryAfterOutOfMemory"/>
/// names a larger limit for the next attempt.
/// </summary>
public sealed record RetryPolicy(int ExitRetries = 0, int InfrastructureRetries = 3, long? MemoryAfterOutOfMemory = null)
{
    public static RetryPolicy Default { get; } = new();
}
