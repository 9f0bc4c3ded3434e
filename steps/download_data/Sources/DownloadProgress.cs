namespace WinePipeline.Steps.DownloadData.Sources;

/// <summary>Counts the bytes of a download and words the progress lines: bytes so far, and the
/// percentage when the server announced the length.</summary>
public sealed class DownloadProgress(long? totalBytes, ProgressThrottle throttle)
{
    public long Bytes { get; private set; }

    /// <summary>Adds a chunk; returns a progress line when one is due, else null.</summary>
    public string? Add(int bytes)
    {
        Bytes += bytes;
        return throttle.IsDue() ? $"downloaded {Describe()}" : null;
    }

    public string Summary(string url) => $"downloaded {Describe()} from {url}";

    private string Describe() =>
        totalBytes is > 0 and var total
            ? $"{Bytes:N0} of {total:N0} bytes ({100.0 * Bytes / total:0}%)"
            : $"{Bytes:N0} bytes";
}
