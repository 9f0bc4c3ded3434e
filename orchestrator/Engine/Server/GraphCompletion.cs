using System.Collections.Concurrent;
using Orchestrator.Planning;

namespace Orchestrator.Server;

/// <summary>
/// The completion check behind the page's once-a-second /api/graph poll, kept for the server's life
/// so a poll neither re-reads hash-cache.json nor re-hashes a file whose size and time are unchanged
/// (an edited file is still seen at once), and does not ask the Docker engine for every image every
/// second: an image's id is asked again once it is <see cref="ImageIdLifetime"/> old, so a rebuilt
/// image shows its tasks stale within that time. `run` and `status` still check everything afresh.
/// </summary>
/// <param name="imageId">Returns an image's id, or null when the engine cannot tell.</param>
internal sealed class GraphCompletion(string dataRoot, bool existenceOnly, Func<string, string?> imageId, TimeProvider time)
{
    public static readonly TimeSpan ImageIdLifetime = TimeSpan.FromSeconds(10);

    private readonly Fingerprints.ContentHashes hashes = Fingerprints.ContentHashes.Load(dataRoot);
    private readonly ConcurrentDictionary<string, (string? Id, DateTimeOffset AskedAt)> imageIds = new(StringComparer.Ordinal);

    /// <summary>The check for one poll.</summary>
    public ICompletionState ForPoll() => CompletionCheck.For(dataRoot, existenceOnly, hashes, ImageId).State;

    private string? ImageId(string image)
    {
        var now = time.GetUtcNow();
        if (imageIds.TryGetValue(image, out var known) && now - known.AskedAt < ImageIdLifetime)
        {
            return known.Id;
        }

        var id = imageId(image);
        imageIds[image] = (id, now);
        return id;
    }
}
