using Orchestrator.Runs;

namespace Orchestrator.History;

/// <summary>One run as the history keeps it. <see cref="Metrics"/> is the JSON of the pipeline's metrics output when the run produced it.</summary>
internal sealed record RunRecord(
    string Id,
    string Trigger,
    DateTimeOffset Started,
    DateTimeOffset? Ended,
    RunOutcome Outcome,
    string? Summary,
    string? Metrics,
    IReadOnlyDictionary<string, string> Parameters)
{
    public TimeSpan? Duration => Ended - Started;
}

/// <summary>One variant of a sweep in a run: its values, outcome, duration and metrics JSON.</summary>
public sealed record VariantRecord(string RunId, string Task, string Sweep, IReadOnlyDictionary<string, string> Parameters, string Outcome, double? Seconds, string? Metrics);

/// <summary>One attempt of one task in a run.</summary>
internal sealed record AttemptRecord(
    string RunId,
    string Task,
    int Attempt,
    DateTimeOffset Started,
    DateTimeOffset? Ended,
    string Status,
    int? ExitCode,
    string? Reason,
    string? LogPath);
