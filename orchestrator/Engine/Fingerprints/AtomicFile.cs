namespace Orchestrator.Fingerprints;

/// <summary>Writes a file under a temporary name and renames it into place, so a crash never leaves half of it.</summary>
internal static class AtomicFile
{
    public const string PartialMarker = ".partial-";

    public static void Write(string path, byte[] content)
    {
        var temporary = $"{path}{PartialMarker}{Environment.ProcessId}";
        try
        {
            File.WriteAllBytes(temporary, content);
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Removes what a killed writer left in these folders (the caller holds the run lock, so no writer is alive); returns how many.</summary>
    public static int RemoveLeftovers(IEnumerable<string> directories)
    {
        var removed = 0;
        foreach (var directory in directories.Distinct(StringComparer.Ordinal).Where(Directory.Exists))
        {
            foreach (var leftover in Directory.EnumerateFiles(directory, $"*{PartialMarker}*"))
            {
                File.Delete(leftover);
                removed++;
            }
        }

        return removed;
    }
}
