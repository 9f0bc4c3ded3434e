using System.Globalization;

namespace Orchestrator.Locking;

/// <summary>Who holds a data root's run lock; kept in a side file because the lock file itself cannot be read by others.</summary>
internal sealed record RunLockHolder(int ProcessId, string Host, DateTimeOffset StartedAt)
{
    public override string ToString() =>
        $"pid {ProcessId} on host {Host}, started {Execution.Timestamps.Format(StartedAt)}";

    public string Serialize() =>
        string.Join('\n', $"pid={ProcessId}", $"host={Host}", $"started={StartedAt.ToString("O", CultureInfo.InvariantCulture)}");

    public static RunLockHolder? TryParse(string text)
    {
        var fields = text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1].Trim());
        return fields.TryGetValue("pid", out var pid) && int.TryParse(pid, CultureInfo.InvariantCulture, out var processId)
            && fields.TryGetValue("host", out var host)
            && fields.TryGetValue("started", out var started)
            && DateTimeOffset.TryParse(started, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var startedAt)
                ? new RunLockHolder(processId, host, startedAt)
                : null;
    }
}
