using Orchestrator.Execution.Docker;
using Orchestrator.Fingerprints;

namespace Orchestrator.Planning;

/// <summary>How `run` and `status` decide that a task is complete: by fingerprint (re-hashing every output with verify), or by existence alone (--existence-only).</summary>
internal sealed record CompletionCheck(ICompletionState State, ContentHashes Hashes)
{
    public static CompletionCheck For(string dataRoot, bool existenceOnly, bool verify = false, CancellationToken cancellation = default) =>
        For(dataRoot, existenceOnly, ContentHashes.Load(dataRoot, cancellation), DockerImageIds.TryGet, verify);

    /// <param name="hashes">Kept by a caller that checks again and again (the server's graph poll).</param>
    /// <param name="imageId">Returns an image's id, or null when the engine cannot tell.</param>
    public static CompletionCheck For(string dataRoot, bool existenceOnly, ContentHashes hashes, Func<string, string?> imageId, bool verify = false)
    {
        ICompletionState state = existenceOnly
            ? new ExistenceCompletion(new FileSystemOutputState(dataRoot))
            : new FingerprintCompletion(dataRoot, hashes, new CodeVersionLookup(hashes, imageId), verify);
        return new CompletionCheck(state, hashes);
    }
}
