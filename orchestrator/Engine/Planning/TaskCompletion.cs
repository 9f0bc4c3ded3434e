namespace Orchestrator.Planning;

internal enum CompletionKind
{
    /// <summary>Outputs present and the fingerprint matches (or only existence was asked for).</summary>
    Complete,

    Missing,

    /// <summary>Outputs present but made from other inputs, parameters or code than the current ones.</summary>
    Stale,
}

/// <summary>Whether a task's outputs can be trusted, and why not ("input interim/train.csv changed").</summary>
internal sealed record TaskCompletion(CompletionKind Kind, string Reason)
{
    public static TaskCompletion Complete { get; } = new(CompletionKind.Complete, "outputs present");

    public static TaskCompletion FingerprintMatches { get; } = new(CompletionKind.Complete, "fingerprint matches");

    public static TaskCompletion Missing(string output) => new(CompletionKind.Missing, $"output {output} missing");

    public static TaskCompletion Stale(string why) => new(CompletionKind.Stale, $"stale: {why}");

    public bool IsComplete => Kind == CompletionKind.Complete;
}
