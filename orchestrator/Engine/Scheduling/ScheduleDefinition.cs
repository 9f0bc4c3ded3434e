using Quartz;

namespace Orchestrator.Scheduling;

/// <summary>One schedule: a Quartz cron expression (with seconds, e.g. "0 0 3 * * ?"), and what to run when it fires.</summary>
/// <param name="Cron">Quartz cron: seconds minutes hours day-of-month month day-of-week [year], in the server's local time zone.</param>
/// <param name="Task">The task to bring up to date; null means the pipeline's default target.</param>
internal sealed record ScheduleDefinition(string Cron, string? Task = null)
{
    /// <summary>Parameter values for this schedule's runs; they override the server's own.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Identifies the schedule in events and in the last-fire file: "0 0 3 * * ? EvaluateModel rows=100".</summary>
    public string Name => string.Join(' ', new[] { Cron, Task }.Concat(Parameters.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value}")).Where(part => part is not null));

    /// <summary>Checks the cron expression; throws <see cref="InvalidScheduleException"/> naming it.</summary>
    public ScheduleDefinition Validate() =>
        CronExpression.IsValidExpression(Cron) ? this : throw InvalidScheduleException.BadCron(Cron);
}
