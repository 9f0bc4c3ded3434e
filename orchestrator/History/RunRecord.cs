namespace WinePipeline.Orchestrator.History;

/// <summary>One run as the history keeps it. <see cref="Metrics"/> is EvaluateModel's metrics.json when the run produced one.</summary>
public sealed record RunRecord(
    string Id,
    string Trigger,
    DateTimeOffset Started,
    DateTimeOffset? Ended,
    string Outcome,
    string? Summary,
    string? Metrics,
    double? Mse,
    double? R2)
{
    public TimeSpan? Duration => Ended - Started;
}

/// <summary>One attempt of one task in a run.</summary>
public sealed record AttemptRecord(
    string RunId,
    string Task,
    int Attempt,
    DateTimeOffset Started,
    DateTimeOffset? Ended,
    string Status,
    int? ExitCode,
    string? Reason,
    string? LogPath);
