namespace Orchestrator.Execution.Process;

/// <summary>A program to start: its arguments as a list (never a shell string), folder and extra environment.</summary>
internal sealed record ProcessStart(string Program, IReadOnlyList<string> Arguments, string WorkingDirectory, IReadOnlyDictionary<string, string>? Environment = null);
