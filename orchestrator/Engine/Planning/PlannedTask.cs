using Orchestrator.Graph;

namespace Orchestrator.Planning;

/// <summary>A task needed for the target, with its planned state: <see cref="ExecutionStatus.Complete"/> or <see cref="ExecutionStatus.Pending"/>.</summary>
internal sealed record PlannedTask(TaskDefinition Task, TaskState State)
{
    public bool WillRun => State.Status == ExecutionStatus.Pending;
}
