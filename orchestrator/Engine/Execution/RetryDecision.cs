using Orchestrator.Graph;

namespace Orchestrator.Execution;

/// <summary>Whether a failed attempt is tried again under the task's <see cref="RetryPolicy"/>, and with what resources.</summary>
internal static class RetryDecision
{
    /// <param name="failuresOfKind">How many attempts, this one included, failed with this kind.</param>
    /// <returns>The resources for the next attempt, or null when it must not be retried.</returns>
    public static TaskResources? Next(TaskDefinition task, ExecutionResult result, int failuresOfKind, int minimumExitRetries, TaskResources current) =>
        result.Failure switch
        {
            FailureKind.Infrastructure or FailureKind.NodeLost when failuresOfKind <= task.Retry.InfrastructureRetries => current,
            FailureKind.Exit or FailureKind.Timeout when failuresOfKind <= Math.Max(task.Retry.ExitRetries, minimumExitRetries) => current,
            FailureKind.OutOfMemory when failuresOfKind == 1 && task.Retry.MemoryAfterOutOfMemory is { } larger && larger > (current.MemoryBytes ?? 0) =>
                current with { MemoryBytes = larger },
            _ => null,
        };
}
