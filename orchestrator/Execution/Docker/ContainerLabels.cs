using System.Globalization;

namespace WinePipeline.Orchestrator.Execution.Docker;

/// <summary>
/// Labels on every step container. Cleanup finds them by <see cref="Task"/>, and those of one data
/// root by <see cref="DataRoot"/>: the host's path of data_root, symbolic links resolved.
/// </summary>
public static class ContainerLabels
{
    public const string Task = "wine-pipeline.task";
    public const string RunId = "wine-pipeline.run-id";
    public const string Retry = "wine-pipeline.retry";
    public const string DataRoot = "wine-pipeline.data-root";

    internal static Dictionary<string, string> For(TaskInvocation invocation, string hostDataRoot) => new()
    {
        [Task] = invocation.TaskId,
        [RunId] = invocation.RunId,
        [Retry] = invocation.Attempt.ToString(CultureInfo.InvariantCulture),
        [DataRoot] = hostDataRoot,
    };
}
