namespace Orchestrator.Fingerprints;

/// <summary>Writes a file under a temporary name and renames it into place, so a crash never leaves half of it.</summary>
internal static class AtomicFile
{
    public static void Write(string path, byte[] content)
    {
        var temporary = $"{path}.partial-{Environment.ProcessId}";
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }
}
