namespace Orchestrator.Posix;

/// <summary>Creates folders for the orchestrator's own state, where the platform has Unix modes: never readable or writable by others.</summary>
internal static class PrivateDirectory
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OthersMayOnlyEnter = OwnerOnly | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
    private const UnixFileMode ReadOrWriteByOthers = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;

    /// <summary>A folder only its owner may enter (0700).</summary>
    public static void Create(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, OwnerOnly);
        }
    }

    /// <summary>
    /// A folder others may pass through (to a step's staging folder below it) but not list (0711); one that exists
    /// already is narrowed to that, never widened.
    /// </summary>
    public static void CreatePassThrough(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, OthersMayOnlyEnter);
        try
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & ReadOrWriteByOthers) != 0)
            {
                File.SetUnixFileMode(path, mode & ~ReadOrWriteByOthers);
            }
        }
        catch (UnauthorizedAccessException)
        {
            // Another user's folder: this process writes nothing there anyway.
        }
    }
}
