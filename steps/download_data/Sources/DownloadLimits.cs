using WinePipeline.StepKit;

namespace WinePipeline.Steps.DownloadData.Sources;

/// <summary>What stops a download that never ends or never arrives: the idle timeout (less than
/// <see cref="ProgressBytes"/> within it), the deadline for the whole transfer, and the size cap.</summary>
public sealed record DownloadLimits(TimeSpan IdleTimeout, TimeSpan Deadline, int MaxSizeMb)
{
    /// <summary>The data that counts as progress: a server dripping a byte at a time never resets the idle timeout.</summary>
    public const int ProgressBytes = 1024;

    public long MaxBytes => MaxSizeMb * 1024L * 1024L;

    public InvalidInputException TooLarge(string source) =>
        new($"{source}: larger than --max-size-mb {MaxSizeMb} ({MaxBytes:N0} bytes); the download was stopped");
}
