using System.Globalization;

namespace Orchestrator.Execution.Docker;

/// <summary>
/// Labels on every task container. Cleanup finds them by <see cref="Task"/>, and those of one data
/// root by <see cref="DataRoot"/>: the host's path of the data root, symbolic links resolved.
/// </summary>
internal static class ContainerLabels
{
    public const string Task = "orchestrator.task";
    public const string RunId = "orchestrator.run-id";
    public const string Retry = "orchestrator.retry";
    public const string DataRoot = "orchestrator.data-root";

    internal static Dictionary<string, string> For(TaskInvocation invocation, string hostDataRoot) => new()
    {
        [Task] = invocation.TaskId,
        [RunId] = invocation.RunId,
        [Retry] = invocation.Attempt.ToString(CultureInfo.InvariantCulture),
        [DataRoot] = hostDataRoot,
    };
}
