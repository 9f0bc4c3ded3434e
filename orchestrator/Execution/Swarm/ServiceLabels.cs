using System.Globalization;
using WinePipeline.Orchestrator.Execution.Docker;

namespace WinePipeline.Orchestrator.Execution.Swarm;

/// <summary>
/// Labels on every task service (and its containers): the task, run and attempt as on the docker
/// executor's containers, plus the data root and a hash of the spec, by which a restarted
/// orchestrator finds a task's service and decides whether it may adopt it.
/// </summary>
public static class ServiceLabels
{
    public const string Task = ContainerLabels.Task;
    public const string RunId = ContainerLabels.RunId;
    public const string Retry = ContainerLabels.Retry;
    public const string DataRoot = "wine-pipeline.data-root";
    public const string Spec = "wine-pipeline.spec";

    internal static Dictionary<string, string> For(TaskInvocation invocation, string hostDataRoot, string specHash) => new()
    {
        [Task] = invocation.TaskId,
        [RunId] = invocation.RunId,
        [Retry] = invocation.Attempt.ToString(CultureInfo.InvariantCulture),
        [DataRoot] = hostDataRoot,
        [Spec] = specHash,
    };
}
