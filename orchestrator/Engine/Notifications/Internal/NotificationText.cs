using System.Globalization;
using System.Text.Json;
using Orchestrator.Runs;

namespace Orchestrator.Notifications.Internal;

/// <summary>The words of a notification, shared by the webhook message and the email.</summary>
internal static class NotificationText
{
    public static string Subject(RunNotification run) => run.Outcome switch
    {
        RunOutcome.Failed when run.FailedTask is { } task => $"[{run.Pipeline}] run {run.RunId} failed: {task.TaskId}: {task.Failure}",
        RunOutcome.NothingToDo => $"[{run.Pipeline}] run {run.RunId}: nothing to do",
        _ => $"[{run.Pipeline}] run {run.RunId} {run.Outcome.Name()}",
    };

    /// <summary>Plain text with '\n' line ends, also valid Slack mrkdwn: the outcome, summary, failure detail and metrics.</summary>
    public static string Body(RunNotification run)
    {
        List<string> lines =
        [
            Subject(run),
            $"trigger: {run.Trigger}",
            $"duration: {run.Duration.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture)}",
            run.SummaryLine,
        ];
        if (run.FailedTask is { StderrTail.Count: > 0 } failed)
        {
            lines.AddRange([$"stderr of {failed.TaskId} (last lines):", "```", .. failed.StderrTail, "```"]);
        }

        if (run.MetricsJson is not null)
        {
            lines.Add("metrics:");
            lines.AddRange(Metrics(run.MetricsJson).Select(metric => $"  {metric}"));
        }

        return string.Join('\n', lines) + "\n";
    }

    // "mse: 4.213"; a metrics file that is not a JSON object is shown as it is.
    private static IEnumerable<string> Metrics(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.EnumerateObject().Select(property => $"{property.Name}: {property.Value.GetRawText()}").ToList()
                : [json.Trim()];
        }
        catch (JsonException)
        {
            return [json.Trim()];
        }
    }
}
