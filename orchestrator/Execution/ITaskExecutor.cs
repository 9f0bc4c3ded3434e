using WinePipeline.Orchestrator.Graph;

namespace WinePipeline.Orchestrator.Execution;

/// <summary>Runs one task attempt somewhere (a container, a local process) and reports how it ended.</summary>
public interface ITaskExecutor
{
    /// <summary>"docker" or "process".</summary>
    string Name { get; }

    /// <summary>
    /// Checks, before anything runs, that every invocation can be started (engine reachable, images
    /// present, step programs built). Throws <see cref="ExecutorUnavailableException"/> with a
    /// one-line message that says how to fix it.
    /// </summary>
    Task EnsureReadyAsync(IReadOnlyCollection<TaskInvocation> invocations, CancellationToken cancellation);

    /// <summary>
    /// Runs one attempt, streaming every output line to <paramref name="log"/> as it comes.
    /// On cancellation it stops and cleans up what it started, then throws OperationCanceledException.
    /// </summary>
    Task<ExecutionResult> ExecuteAsync(TaskInvocation invocation, ITaskLog log, CancellationToken cancellation);
}

/// <summary>
/// One attempt of one task. <see cref="Arguments"/> name files under <see cref="ContainerPaths.DataRoot"/>;
/// the process executor maps that prefix onto the host's data root.
/// </summary>
public sealed record TaskInvocation(
    string TaskId,
    string Step,
    string Image,
    IReadOnlyList<string> Arguments,
    string RunId,
    int Attempt,
    bool NeedsNetwork)
{
    /// <summary>What the attempt may use; executors that cannot enforce it say so.</summary>
    public TaskResources Resources { get; init; } = new();

    /// <summary>Swarm placement constraints, e.g. "node.labels.gpu==true".</summary>
    public IReadOnlyList<string> Constraints { get; init; } = [];

    /// <summary>How long the attempt may take, waiting for a node included; null for the executor's default.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>The given attempt of the task in the run.</summary>
    public static TaskInvocation Of(TaskDefinition task, string runId, int attempt) =>
        new(task.Id, task.Step, task.Image, task.Arguments, runId, attempt, task.NeedsNetwork)
        {
            Resources = task.Resources,
            Constraints = task.Constraints,
            Timeout = task.Timeout,
        };
}

/// <summary>How an attempt ended. <see cref="Target"/> names what ran ("image wine/train-model:0.1" or the command).</summary>
public sealed record ExecutionResult(int ExitCode, string Target, IReadOnlyList<string> StderrTail)
{
    private readonly FailureKind? failure;

    public bool Succeeded => ExitCode == 0 && Failure == FailureKind.None;

    /// <summary>Why it failed: <see cref="FailureKind.None"/> on success and <see cref="FailureKind.Exit"/> for a plain non-zero exit unless an executor says more.</summary>
    public FailureKind Failure
    {
        get => failure ?? (ExitCode == 0 ? FailureKind.None : FailureKind.Exit);
        init => failure = value;
    }

    /// <summary>The failure in one line of words, with a hint ("ran out of memory (limit 512 MiB)..."); null when the exit code says it all.</summary>
    public string? Message { get; init; }
}

public enum LogStream
{
    Stdout,
    Stderr,
}

/// <summary>Receives a task's output line by line, as it is produced.</summary>
public interface ITaskLog
{
    void Line(LogStream stream, string text);
}

/// <summary>The executor cannot run at all (no engine, missing image, step not built); the message says how to fix it.</summary>
public sealed class ExecutorUnavailableException(string message) : Exception(message);

public static class ContainerPaths
{
    /// <summary>Where data_root is mounted inside step containers, as in the reference pipeline.</summary>
    public const string DataRoot = "/usr/share/data";
}
