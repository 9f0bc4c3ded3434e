using Orchestrator.Execution;

namespace Orchestrator.Runs;

/// <summary>What a run touches outside itself: its output, the clock, the environment, and how executors are made.</summary>
/// <param name="Out">Progress, the plan and the summary; written from several threads.</param>
/// <param name="Error">Failure details.</param>
internal sealed record RunContext(TextWriter Out, TextWriter Error, TimeProvider Time, Func<string, string?> GetVariable, ExecutorFactory CreateExecutor)
{
    public TimeSpan RetryBaseDelay { get; init; } = EngineOptions.DefaultRetryBaseDelay;

    /// <summary>Where task progress and task output lines go while tasks run; <see cref="Out"/> unless a live view shows them instead.</summary>
    public TextWriter? TaskOutput { get; init; }

    internal TextWriter TaskLines => TaskOutput ?? Out;
}
