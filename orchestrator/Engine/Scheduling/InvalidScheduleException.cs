namespace Orchestrator.Scheduling;

/// <summary>A schedule or schedules file cannot be used; the one-line message names the expression, file and entry.</summary>
internal sealed class InvalidScheduleException : Exception
{
    private InvalidScheduleException(string message)
        : base(message)
    {
    }

    public static InvalidScheduleException BadCron(string cron) =>
        new($"invalid cron expression '{cron}'; Quartz cron has 6 or 7 fields starting with seconds, e.g. '0 0 3 * * ?' for 03:00 every day");

    public static InvalidScheduleException InEntry(string file, int index, string problem) =>
        new($"{file}: schedule #{index + 1}: {problem}");

    public static InvalidScheduleException InFile(string file, string problem) =>
        new($"{file}: {problem}");
}
