using Orchestrator.Graph;

namespace Orchestrator.Execution;

/// <summary>
/// Runs one task attempt somewhere (a container, a local process, a cluster service) and reports how it
/// ended. It only runs things: the engine stages outputs, promotes them and writes fingerprints.
/// </summary>
internal interface ITaskExecutor
{
    /// <summary>"docker", "process" or "swarm".</summary>
    string Name { get; }

    /// <summary>The data root as the tasks see it ("/usr/share/data" in containers); the engine renders data paths under it.</summary>
    string TaskDataRoot { get; }

    /// <summary>
    /// Checks, before anything runs, that every task can be started (engine reachable, images present,
    /// local programs built). Throws <see cref="ExecutorUnavailableException"/> with a one-line message that says how to fix it.
    /// </summary>
    Task EnsureReadyAsync(IReadOnlyCollection<TaskDefinition> tasks, CancellationToken cancellation);

    /// <summary>
    /// Runs one attempt, streaming every output line to <paramref name="log"/> as it comes.
    /// On cancellation it stops and cleans up what it started, then throws OperationCanceledException.
    /// </summary>
    Task<ExecutionResult> ExecuteAsync(TaskInvocation invocation, ITaskLog log, CancellationToken cancellation);
}

internal enum LogStream
{
    Stdout,
    Stderr,
}

/// <summary>Receives a task's output line by line, as it is produced.</summary>
internal interface ITaskLog
{
    void Line(LogStream stream, string text);
}

/// <summary>The executor cannot run at all (no engine, missing image, program not built); the message says how to fix it.</summary>
internal sealed class ExecutorUnavailableException(string message) : Exception(message);

internal static class ContainerPaths
{
    /// <summary>Where the data root is mounted inside task containers.</summary>
    public const string DataRoot = "/usr/share/data";
}
