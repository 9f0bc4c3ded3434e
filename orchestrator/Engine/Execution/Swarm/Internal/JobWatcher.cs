using Docker.DotNet;
using Docker.DotNet.Models;

namespace Orchestrator.Execution.Swarm.Internal;

/// <summary>
/// Follows a job's one task through the manager until it ends: completed, failed, rejected by its
/// node, cut off by the loss of its node (the manager leaves such a task "running" forever), never
/// given a node, or out of time. A task the swarm takes back and replaces is followed to its replacement.
/// </summary>
internal sealed class JobWatcher(DockerClient manager, TimeProvider time, TimeSpan pollInterval)
{
    private const string DownNode = "down";

    /// <summary>
    /// How the manager's constraint enforcer words a task it takes back from a node it no longer fits. Engines
    /// before the fix of moby/moby#52652 count the reservations of finished jobs, so this can happen to a task
    /// that fits; the swarm then makes the job a new task, and the attempt follows that one.
    /// </summary>
    private const string TakenBack = "assigned node no longer meets constraints";

    private static readonly TimeSpan ReplacementGrace = TimeSpan.FromSeconds(15);

    /// <param name="timeout">How long the task may take, the wait for a node included.</param>
    public async Task<JobEnd> WaitAsync(string serviceId, TimeSpan timeout, CancellationToken cancellation)
    {
        var started = time.GetUtcNow();
        DateTimeOffset? takenBack = null;
        while (true)
        {
            var task = await ServiceTasks.NewestAsync(manager, serviceId, cancellation);
            var node = string.IsNullOrEmpty(task?.NodeID) ? null : await manager.Swarm.InspectNodeAsync(task.NodeID, cancellation);
            var hostname = node?.Description?.Hostname;
            var status = task?.Status;
            takenBack = status?.State == TaskState.Rejected ? takenBack : null;
            switch (status?.State)
            {
                case TaskState.Complete:
                    return new JobEnd(JobEndKind.Completed, Node: hostname);
                case TaskState.Failed:
                    return new JobEnd(JobEndKind.Failed, status.ContainerStatus?.ExitCode ?? 0, status.Err, status.ContainerStatus?.ContainerID, hostname);
                case TaskState.Rejected when status.Err == TakenBack && time.GetUtcNow() - (takenBack ??= time.GetUtcNow()) < ReplacementGrace:
                    break;
                case TaskState.Rejected:
                    return new JobEnd(JobEndKind.Rejected, Error: status.Err, Node: hostname);
                case TaskState.Shutdown or TaskState.Orphaned or TaskState.Remove:
                    return new JobEnd(node?.Status?.State == DownNode || status.State == TaskState.Orphaned ? JobEndKind.NodeLost : JobEndKind.Rejected, Error: status.Err ?? $"task {status.State}", Node: hostname);
            }

            if (node?.Status?.State == DownNode)
            {
                return new JobEnd(JobEndKind.NodeLost, Error: node.Status.Message, Node: hostname);
            }

            if (time.GetUtcNow() - started >= timeout)
            {
                return status?.State is null or TaskState.New or TaskState.Allocated or TaskState.Pending
                    ? new JobEnd(JobEndKind.NeverScheduled, Error: NonEmpty(status?.Err))
                    : new JobEnd(JobEndKind.TimedOut, Node: hostname);
            }

            await Task.Delay(pollInterval, time, cancellation);
        }
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
