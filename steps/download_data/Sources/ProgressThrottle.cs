namespace WinePipeline.Steps.DownloadData.Sources;

/// <summary>Says when a long transfer should print a progress line: at most one a second.</summary>
public sealed class ProgressThrottle(TimeProvider time)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private long _lastReport = time.GetTimestamp();

    /// <summary>True (and the clock restarts) once a second has passed since the last line or the start.</summary>
    public bool IsDue()
    {
        var now = time.GetTimestamp();
        if (time.GetElapsedTime(_lastReport, now) < Interval)
        {
            return false;
        }

        _lastReport = now;
        return true;
    }
}
