namespace WinePipeline.Orchestrator.Execution;

/// <summary>How the engine walks a plan.</summary>
/// <param name="Workers">How many independent tasks may run at the same time.</param>
/// <param name="Retries">How many times a task that exited non-zero is tried again (infrastructure failures follow <see cref="RetryPolicy.Default"/>).</param>
/// <param name="RetryBaseDelay">Wait before the first retry; it doubles for each further one.</param>
/// <param name="LogDirectory">Where per-attempt logs go: &lt;LogDirectory&gt;/&lt;TaskId&gt;.&lt;attempt&gt;.log.</param>
public sealed record EngineOptions(int Workers, int Retries, TimeSpan RetryBaseDelay, string LogDirectory)
{
    public static readonly TimeSpan DefaultRetryBaseDelay = TimeSpan.FromSeconds(1);

    /// <summary>The policy of tasks that name none: the default one, with <see cref="Retries"/> retries of non-zero exits.</summary>
    public RetryPolicy RetryPolicy => RetryPolicy.Default with { ExitRetries = Retries, BaseDelay = RetryBaseDelay };
}
