using System.Collections.Concurrent;
using Orchestrator.Graph;

namespace Orchestrator.Fingerprints;

/// <summary>
/// The current code of a task, looked up the way its fingerprint recorded it (the image's id from the
/// Docker engine, or the hash of its local code files), so `status` needs no executor. Each image is
/// looked up once.
/// </summary>
/// <param name="imageId">Returns an image's id, or null when the engine cannot tell (unreachable, image gone).</param>
internal sealed class CodeVersionLookup(ContentHashes hashes, Func<string, string?> imageId)
{
    private readonly ConcurrentDictionary<string, string?> images = new(StringComparer.Ordinal);

    /// <summary>Why the code differs from what was recorded, or null when it does not (or cannot be known).</summary>
    public string? Change(CodeVersion recorded, TaskDefinition task)
    {
        switch (recorded.Kind)
        {
            case CodeVersion.Image:
                var id = images.GetOrAdd(recorded.Name, imageId);
                return id is not null && id != recorded.Id ? $"{recorded} rebuilt" : null;
            case CodeVersion.Code when LocalCodeVersion.Of(task, hashes) is { } current:
                if (current.Id != recorded.Id)
                {
                    return LocalCodeVersion.Difference(recorded, current);
                }

                return current.Location is { } program && !File.Exists(program) ? $"program {program} missing; it will be rebuilt" : null;
            default:
                return null;
        }
    }
}
