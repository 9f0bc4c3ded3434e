namespace Orchestrator.Tests.Scheduling;

/// <summary>A clock stopped at one moment, for the scheduler's own bookkeeping (Quartz keeps the real clock).</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
