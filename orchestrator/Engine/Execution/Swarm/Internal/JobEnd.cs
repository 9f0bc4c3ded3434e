namespace Orchestrator.Execution.Swarm.Internal;

/// <summary>How a job's task ended, as the manager saw it.</summary>
/// <param name="Error">The task's error as the manager reports it ("task: non-zero exit (3)", "No such image: ...", "no suitable node ...").</param>
/// <param name="Node">The hostname of the node the task was given to, when it was given to one.</param>
internal sealed record JobEnd(JobEndKind Kind, long ExitCode = 0, string? Error = null, string? ContainerId = null, string? Node = null);

internal enum JobEndKind
{
    Completed,
    Failed,
    Rejected,
    NodeLost,
    NeverScheduled,
    TimedOut,
}
