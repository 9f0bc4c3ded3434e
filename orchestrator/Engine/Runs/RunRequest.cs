using Orchestrator.Execution;
using Orchestrator.History;

namespace Orchestrator.Runs;

/// <summary>What a run is asked to do, whoever asks (the CLI, the web UI, a schedule).</summary>
/// <param name="Target">The task to bring up to date; null for the pipeline's default target.</param>
/// <param name="Force">A task to rerun with everything downstream, even if complete.</param>
/// <param name="Parameters">Values given for this run (-p name=value); they are remembered for the data root.</param>
internal sealed record RunRequest(
    string DataRoot,
    string? Target,
    string? Force,
    IReadOnlyDictionary<string, string> Parameters,
    ExecutorRequest Executor,
    int Workers = int.MaxValue,
    int Retries = 0,
    bool ExistenceOnly = false,
    bool Verify = false,
    RunTrigger Trigger = RunTrigger.Cli)
{
    /// <summary>The CPUs tasks may use at once; null for this machine's.</summary>
    public double? Cpus { get; init; }

    /// <summary>The id to record the run under, when the caller has already handed it out (the web UI's POST /api/runs).</summary>
    public string? RunId { get; init; }

    /// <summary>The memory tasks may use at once; null for this machine's.</summary>
    public long? MemoryBytes { get; init; }
}
