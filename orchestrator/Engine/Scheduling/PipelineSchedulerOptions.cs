namespace Orchestrator.Scheduling;

/// <summary>How the scheduler handles fire times it missed.</summary>
internal sealed record PipelineSchedulerOptions
{
    public static TimeSpan DefaultMisfireThreshold { get; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Where each schedule's last fire time is kept, so that fire times missed while the scheduler
    /// was down are noticed at the next start; null turns that off. Usually <see cref="DefaultLastFireFile"/>.
    /// </summary>
    public string? LastFireFile { get; init; }

    /// <summary>How late Quartz may fire a trigger before it counts as misfired (Quartz's misfireThreshold).</summary>
    public TimeSpan MisfireThreshold { get; init; } = DefaultMisfireThreshold;

    /// <summary>
    /// How many fires Quartz may run at once. At least two, so that a fire arriving while a run is
    /// going gets a thread and is recorded as skipped instead of waiting.
    /// </summary>
    internal int MaxConcurrentFires { get; init; } = 4;

    /// <summary>data_root/.orchestrator/schedule-fires.json, beside the run lock.</summary>
    public static string DefaultLastFireFile(string dataRoot) => Path.Combine(dataRoot, ".orchestrator", "schedule-fires.json");
}
