using Orchestrator.Graph;
using Orchestrator.Planning;

namespace Orchestrator.Execution;

/// <summary>What happened to one task in a run: the record the live output and the summary both read.</summary>
/// <param name="Attempts">How many attempts were started (0 when it never ran).</param>
/// <param name="LastResult">How the last attempt ended, when one ended.</param>
/// <param name="LogPath">The log file of the last attempt.</param>
internal sealed record TaskReport(
    TaskDefinition Task,
    TaskState State,
    int Attempts = 0,
    TimeSpan? Duration = null,
    ExecutionResult? LastResult = null,
    string? LogPath = null)
{
    public ExecutionStatus Status => State.Status;
}
