using System.Text.Json;

namespace Orchestrator.Scheduling.Internal;

/// <summary>Each schedule's last fire time, kept in a small JSON file keyed by the schedule's name.</summary>
internal sealed class LastFireFile
{
    private readonly string path;
    private readonly Lock gate = new();
    private readonly Dictionary<string, DateTimeOffset> fires;

    public LastFireFile(string path)
    {
        this.path = path;
        fires = Read(path);
    }

    public DateTimeOffset? Get(ScheduleDefinition schedule)
    {
        lock (gate)
        {
            return fires.TryGetValue(schedule.Name, out var at) ? at : null;
        }
    }

    public void Record(ScheduleDefinition schedule, DateTimeOffset at)
    {
        lock (gate)
        {
            fires[schedule.Name] = at;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            Fingerprints.AtomicFile.Write(path, JsonSerializer.SerializeToUtf8Bytes(fires));
        }
    }

    // A missing or unreadable file only means no earlier fire is known: nothing to catch up on.
    private static Dictionary<string, DateTimeOffset> Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, DateTimeOffset>>(File.ReadAllText(path)) ?? [];
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
