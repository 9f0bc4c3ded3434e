using System.Globalization;

namespace Orchestrator.Execution.Docker;

/// <summary>Labels on every step container; cleanup removes every container carrying <see cref="Task"/>.</summary>
internal static class ContainerLabels
{
    public const string Task = "orchestrator.task";
    public const string RunId = "orchestrator.run-id";
    public const string Retry = "orchestrator.retry";

    internal static Dictionary<string, string> For(TaskInvocation invocation) => new()
    {
        [Task] = invocation.TaskId,
        [RunId] = invocation.RunId,
        [Retry] = invocation.Attempt.ToString(CultureInfo.InvariantCulture),
    };
}
