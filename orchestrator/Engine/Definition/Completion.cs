namespace Orchestrator;

/// <summary>What marks a task complete.</summary>
public enum Completion
{
    /// <summary>All its output files exist (its fingerprint is kept in .orchestrator/fingerprints/).</summary>
    Files,

    /// <summary>A .SUCCESS_&lt;Task&gt; flag in its output folder, written last and holding its fingerprint.</summary>
    Flag,
}

/// <summary>
/// How the process executor makes a task's program: <see cref="Command"/> (run in the pipeline's base
/// folder) writes <see cref="Output"/>. It runs before the task when the output is missing or the task's
/// code changed since the last build. Tasks with the same command share one build.
/// </summary>
public sealed record LocalBuild(IReadOnlyList<string> Command, string Output);
