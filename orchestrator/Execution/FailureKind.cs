namespace WinePipeline.Orchestrator.Execution;

/// <summary>Why an attempt failed, which decides whether the retry policy tries it again.</summary>
public enum FailureKind
{
    /// <summary>The attempt succeeded.</summary>
    None,

    /// <summary>The program exited non-zero: an application failure.</summary>
    Exit,

    /// <summary>Killed for using more memory than its limit.</summary>
    OutOfMemory,

    /// <summary>The engine or cluster failed it (engine unreachable, task rejected: image or bind source missing on the node).</summary>
    Infrastructure,

    /// <summary>The node it ran on went away.</summary>
    NodeLost,

    /// <summary>No node satisfies its constraints or resources within its timeout.</summary>
    Unschedulable,

    /// <summary>Still running when its timeout ran out.</summary>
    Timeout,
}
