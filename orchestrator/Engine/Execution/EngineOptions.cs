namespace Orchestrator.Execution;

/// <summary>How the engine walks a plan.</summary>
/// <param name="Workers">How many independent tasks may run at the same time.</param>
/// <param name="Retries">Retries of a task's own failure (non-zero exit) at least this many times, whatever its policy says.</param>
/// <param name="RetryBaseDelay">Wait before the first retry; it doubles for each further one, with up to a quarter more at random.</param>
/// <param name="LogDirectory">Where per-attempt logs go: &lt;LogDirectory&gt;/&lt;TaskId&gt;.&lt;attempt&gt;.log.</param>
/// <param name="DataRoot">The local data root, where outputs are staged and promoted.</param>
internal sealed record EngineOptions(int Workers, int Retries, TimeSpan RetryBaseDelay, string LogDirectory, string DataRoot)
{
    /// <summary>The CPUs ready tasks may use at once; a task that declares none counts as one.</summary>
    public double Cpus { get; init; } = Environment.ProcessorCount;

    /// <summary>The memory ready tasks may use at once.</summary>
    public long MemoryBytes { get; init; } = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    public static readonly TimeSpan DefaultRetryBaseDelay = TimeSpan.FromSeconds(1);

    /// <summary>Exponential backoff with jitter: base, 2 x base, 4 x base, ... each up to 25% longer.</summary>
    public TimeSpan DelayBeforeRetry(int retry) => RetryBaseDelay * Math.Pow(2, retry - 1) * (1 + (Random.Shared.NextDouble() / 4));
}
