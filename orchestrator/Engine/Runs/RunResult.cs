using Orchestrator.Execution;

namespace Orchestrator.Runs;

/// <summary>A finished run: its report, its outcome, and the parameter values it ran with.</summary>
internal sealed record RunResult(RunReport Report, RunOutcome Outcome, IReadOnlyDictionary<string, string> Parameters)
{
    public string RunId => Report.RunId;
}
