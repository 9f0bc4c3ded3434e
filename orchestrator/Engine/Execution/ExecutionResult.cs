namespace Orchestrator.Execution;

/// <summary>
/// How an attempt ended. <see cref="Target"/> names what ran ("image busybox" or the command);
/// <see cref="Message"/> says a failure in words ("ran out of memory (limit 512 MiB)"), with a hint where one helps.
/// </summary>
internal sealed record ExecutionResult(int ExitCode, string Target, IReadOnlyList<string> StderrTail)
{
    public FailureKind Failure { get; init; } = ExitCode == 0 ? FailureKind.None : FailureKind.Exit;

    public string? Message { get; init; }

    public bool Succeeded => ExitCode == 0 && Failure == FailureKind.None;

    /// <summary>The failure in one line: the message, else "exit code N".</summary>
    public string Describe() => Message ?? $"exit code {ExitCode}";
}

/// <summary>Why an attempt failed; the task's <see cref="RetryPolicy"/> decides which kinds are retried.</summary>
internal enum FailureKind
{
    None,

    /// <summary>The task's program exited non-zero.</summary>
    Exit,

    OutOfMemory,

    /// <summary>The engine was unreachable, the task was rejected, or the executor itself broke.</summary>
    Infrastructure,

    NodeLost,

    /// <summary>No node could take it within its timeout.</summary>
    Unschedulable,

    Timeout,
}
