using Orchestrator.Graph;

namespace Orchestrator.Fingerprints;

/// <summary>
/// Where a task's fingerprint lives: inside its SUCCESS flag for a flagged task (the flag is written
/// last anyway, so completion and fingerprint appear together); for a task whose completion is a single
/// file (DownloadData, TrainModel), in data_root/.orchestrator/fingerprints/&lt;Task&gt;.json, which keeps
/// raw/ and output/ laid out exactly as the reference pipeline's.
/// </summary>
internal sealed class FingerprintStore(string dataRoot)
{
    public const string Directory = ".orchestrator/fingerprints";

    /// <summary>The fingerprint file of a task, relative to data_root.</summary>
    public static string PathOf(TaskDefinition task) =>
        task.Outputs.FirstOrDefault(output => output.Kind == TaskOutputKind.Flag)?.Path ?? $"{Directory}/{task.Id}.json";

    public static bool IsInFlag(TaskDefinition task) => task.Outputs.Any(output => output.Kind == TaskOutputKind.Flag);

    public StoredFingerprint Read(TaskDefinition task)
    {
        var path = Path.Combine(dataRoot, PathOf(task));
        if (!File.Exists(path))
        {
            return StoredFingerprint.Absent;
        }

        var content = File.ReadAllBytes(path);
        return content.Length == 0 ? StoredFingerprint.Legacy
            : TaskFingerprint.TryParse(content) is { } fingerprint ? new StoredFingerprint(FingerprintPresence.Present, fingerprint)
            : StoredFingerprint.Unreadable;
    }

    public void Write(TaskDefinition task, TaskFingerprint fingerprint)
    {
        var path = Path.Combine(dataRoot, PathOf(task));
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.Write(path, fingerprint.Serialize());
    }
}

internal enum FingerprintPresence
{
    /// <summary>No flag or manifest.</summary>
    Absent,

    /// <summary>An empty flag: written before fingerprints existed, or by a step run on its own.</summary>
    Legacy,

    Unreadable,
    Present,
}

internal sealed record StoredFingerprint(FingerprintPresence Presence, TaskFingerprint? Fingerprint = null)
{
    public static StoredFingerprint Absent { get; } = new(FingerprintPresence.Absent);

    public static StoredFingerprint Legacy { get; } = new(FingerprintPresence.Legacy);

    public static StoredFingerprint Unreadable { get; } = new(FingerprintPresence.Unreadable);
}
