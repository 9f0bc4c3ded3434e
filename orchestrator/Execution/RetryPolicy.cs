namespace WinePipeline.Orchestrator.Execution;

/// <summary>
/// What to try again after a failed attempt, by the kind of failure, and how long to wait first.
/// The default retries what the infrastructure broke (an engine out of reach, a task the node
/// rejected, a node lost) three times, and nothing the task did itself.
/// </summary>
public sealed record RetryPolicy
{
    public static RetryPolicy Default { get; } = new();

    /// <summary>Retries after <see cref="FailureKind.Infrastructure"/> and <see cref="FailureKind.NodeLost"/> failures, together.</summary>
    public int InfrastructureRetries { get; init; } = 3;

    /// <summary>Retries after a non-zero exit.</summary>
    public int ExitRetries { get; init; }

    /// <summary>
    /// Memory limits, in bytes, for attempts after an out-of-memory kill: each retry takes the first
    /// one larger than the limit that was exceeded. No larger one, no retry.
    /// </summary>
    public IReadOnlyList<long> OutOfMemoryLimits { get; init; } = [];

    /// <summary>Wait before the first retry of a kind; it doubles for each further one.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The share of an infrastructure retry's wait that is random, so that the tasks one lost node
    /// cut off do not all come back at the same instant. Exits are retried on the plain schedule.
    /// </summary>
    public double Jitter { get; init; } = 0.5;

    /// <summary>The retry after the last of <paramref name="failures"/> (every failure of the task so far, oldest first), or null for none.</summary>
    /// <param name="resources">What the failed attempt had; an out-of-memory retry gets more memory.</param>
    /// <param name="random">A number in [0, 1) that picks the jitter.</param>
    public RetryDecision? Next(IReadOnlyList<FailureKind> failures, TaskResources resources, double random)
    {
        var kind = failures[^1];
        var retry = failures.Count(failure => Group(failure) == Group(kind));
        var delay = BaseDelay * Math.Pow(2, retry - 1);
        return kind switch
        {
            FailureKind.Infrastructure or FailureKind.NodeLost when retry <= InfrastructureRetries =>
                new RetryDecision(delay * (1 - (Jitter * random)), resources),
            FailureKind.Exit when retry <= ExitRetries => new RetryDecision(delay, resources),
            FailureKind.OutOfMemory when resources.MemoryBytes is { } limit && OutOfMemoryLimits.Where(larger => larger > limit).Order().FirstOrDefault() is > 0 and var next =>
                new RetryDecision(delay, resources with { MemoryBytes = next }),
            _ => null,
        };
    }

    private static FailureKind Group(FailureKind kind) => kind == FailureKind.NodeLost ? FailureKind.Infrastructure : kind;
}

/// <summary>Try again after <paramref name="Delay"/>, with these resources.</summary>
public sealed record RetryDecision(TimeSpan Delay, TaskResources Resources);
