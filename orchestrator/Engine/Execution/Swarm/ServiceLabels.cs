using Orchestrator.Execution.Docker;

namespace Orchestrator.Execution.Swarm;

/// <summary>
/// Labels on every task service and its containers: the docker executor's (task, run, attempt, data
/// root) and a hash of the spec, by which a restarted orchestrator finds a task's service and decides
/// whether it may adopt it.
/// </summary>
internal static class ServiceLabels
{
    public const string Spec = "orchestrator.spec";

    internal static Dictionary<string, string> For(TaskInvocation invocation, string hostDataRoot, string specHash)
    {
        var labels = ContainerLabels.For(invocation, hostDataRoot);
        labels[Spec] = specHash;
        return labels;
    }
}
