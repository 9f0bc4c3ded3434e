using System.Globalization;

namespace Orchestrator;

/// <summary>What one attempt of a task needs: CPUs, memory in bytes, GPUs. Null means not declared.</summary>
internal sealed record TaskResources(double? Cpus = null, long? MemoryBytes = null, int Gpus = 0)
{
    public static TaskResources None { get; } = new();

    /// <summary>"512m", "2g", "1.5G", "1048576" (bytes); null when the text is not a size.</summary>
    public static long? ParseMemory(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        var unit = char.ToLowerInvariant(trimmed[^1]);
        var (number, factor) = unit switch
        {
            'k' => (trimmed[..^1], 1L << 10),
            'm' => (trimmed[..^1], 1L << 20),
            'g' => (trimmed[..^1], 1L << 30),
            _ => (trimmed, 1L),
        };
        return double.TryParse(number.TrimEnd('i', 'I', 'b', 'B'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && double.IsFinite(value)
            ? (long)(value * factor)
            : null;
    }

    /// <summary>"512 MiB", "2 GiB".</summary>
    public static string FormatMemory(long bytes) =>
        bytes % (1L << 30) == 0 ? $"{bytes >> 30} GiB"
        : bytes % (1L << 20) == 0 ? $"{bytes >> 20} MiB"
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.#} MiB");
}
