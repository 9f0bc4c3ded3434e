namespace WinePipeline.Steps.TrainModel;

/// <summary>The process's peak resident set size so far, as the kernel counts it (VmHWM in
/// /proc/self/status), so that variants can be compared on memory as well as time.</summary>
public static class PeakMemory
{
    private const string StatusFile = "/proc/self/status";

    /// <summary>Peak RSS in bytes, or null where /proc is not available (not Linux).</summary>
    public static long? ResidentBytes()
    {
        if (!File.Exists(StatusFile))
        {
            return null;
        }

        // The line reads "VmHWM:    123456 kB".
        var line = File.ReadLines(StatusFile).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var fields = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields is [_, var kilobytes, "kB"] && long.TryParse(kilobytes, out var value) ? value * 1024 : null;
    }
}
