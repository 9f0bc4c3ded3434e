using Orchestrator.Graph;

namespace Orchestrator.Runs;

/// <summary>A request checked against the definition: parameter values in force, the task graph they give, the target and the forced task.</summary>
internal sealed record PreparedRun(RunRequest Request, IReadOnlyList<ParameterValue> Parameters, TaskGraph Graph, string Target, IReadOnlyList<string> Forced);
