using System.Collections.Concurrent;

namespace WinePipeline.Orchestrator.Fingerprints;

/// <summary>
/// The current id of the code a fingerprint recorded, looked up the way it was recorded (the step
/// program's hash, or the image's id from the Docker engine), so `status` needs no executor. Each
/// distinct program or image is looked up once.
/// </summary>
/// <param name="imageId">Returns an image's id, or null when the engine cannot tell (unreachable, image gone).</param>
public sealed class CodeVersionLookup(ContentHashes hashes, Func<string, string?> imageId)
{
    private readonly ConcurrentDictionary<string, string?> images = new(StringComparer.Ordinal);

    /// <summary>The current id, or null when it cannot be known; then code is not compared.</summary>
    public string? CurrentId(CodeVersion recorded) => recorded.Kind switch
    {
        CodeVersion.Step when recorded.Location is { } dll && File.Exists(dll) => hashes.Of(dll),
        CodeVersion.Image => images.GetOrAdd(recorded.Name, imageId),
        _ => null,
    };
}
