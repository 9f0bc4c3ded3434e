namespace Orchestrator.Planning;

/// <summary>Where a task stands; the plan, the live run, the summary and `status` all use this one enum.</summary>
internal enum ExecutionStatus
{
    /// <summary>Its outputs are already present; it will not run.</summary>
    Complete,

    /// <summary>It has to run and has not started yet.</summary>
    Pending,

    Running,
    Succeeded,
    Failed,

    /// <summary>It was running when the run was cancelled.</summary>
    Aborted,

    /// <summary>It had to run but did not, because an upstream task failed or the run was cancelled.</summary>
    NotRun,
}
