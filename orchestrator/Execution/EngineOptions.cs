namespace WinePipeline.Orchestrator.Execution;

/// <summary>How the engine walks a plan.</summary>
/// <param name="Workers">How many independent tasks may run at the same time.</param>
/// <param name="Retries">How many times a failed task is tried again.</param>
/// <param name="RetryBaseDelay">Wait before the first retry; it doubles for each further one.</param>
/// <param name="LogDirectory">Where per-attempt logs go: &lt;LogDirectory&gt;/&lt;TaskId&gt;.&lt;attempt&gt;.log.</param>
public sealed record EngineOptions(int Workers, int Retries, TimeSpan RetryBaseDelay, string LogDirectory)
{
    public static readonly TimeSpan DefaultRetryBaseDelay = TimeSpan.FromSeconds(1);

    /// <summary>Exponential backoff: base, 2 x base, 4 x base, ...</summary>
    public TimeSpan DelayBeforeRetry(int retry) => RetryBaseDelay * Math.Pow(2, retry - 1);
}
