using System.Globalization;

namespace Orchestrator.Execution;

/// <summary>The one way times are written in output, lock files and schedules: "2026-12-01T10:33:08Z".</summary>
internal static class Timestamps
{
    public static string Format(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
