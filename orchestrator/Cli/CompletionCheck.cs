using WinePipeline.Orchestrator.Execution.Docker;
using WinePipeline.Orchestrator.Fingerprints;
using WinePipeline.Orchestrator.Planning;

namespace WinePipeline.Orchestrator.Cli;

/// <summary>How `run` and `status` decide that a task is complete: by fingerprint, or by existence alone (--existence-only).</summary>
internal sealed record CompletionCheck(ICompletionState State, ContentHashes Hashes)
{
    public static CompletionCheck For(string dataRoot, bool existenceOnly)
    {
        var hashes = ContentHashes.Load(dataRoot);
        ICompletionState state = existenceOnly
            ? new ExistenceCompletion(new FileSystemOutputState(dataRoot))
            : new FingerprintCompletion(dataRoot, hashes, new CodeVersionLookup(hashes, DockerImageIds.TryGet));
        return new CompletionCheck(state, hashes);
    }
}
