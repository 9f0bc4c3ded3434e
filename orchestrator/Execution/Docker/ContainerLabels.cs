using System.Globalization;

namespace WinePipeline.Orchestrator.Execution.Docker;

/// <summary>Labels on every step container; cleanup removes every container carrying <see cref="Task"/>.</summary>
public static class ContainerLabels
{
    public const string Task = "wine-pipeline.task";
    public const string RunId = "wine-pipeline.run-id";
    public const string Retry = "wine-pipeline.retry";

    internal static Dictionary<string, string> For(TaskInvocation invocation) => new()
    {
        [Task] = invocation.TaskId,
        [RunId] = invocation.RunId,
        [Retry] = invocation.Attempt.ToString(CultureInfo.InvariantCulture),
    };
}
