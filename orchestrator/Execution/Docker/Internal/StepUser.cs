using System.Runtime.Versioning;

namespace WinePipeline.Orchestrator.Execution.Docker.Internal;

/// <summary>Chooses the user a step container runs as, so its outputs belong to whoever owns data_root and never to root.</summary>
internal static class StepUser
{
    /// <summary>The step images' own user ("pipeline").</summary>
    public const string Pipeline = "10001:10001";

    private const UnixFileMode Everyone =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private static readonly EnumerationOptions AllSubdirectories = new()
    {
        RecurseSubdirectories = true,
        AttributesToSkip = FileAttributes.ReparsePoint,
    };

    /// <summary>
    /// The numeric owner of data_root when that is not root; otherwise <see cref="Pipeline"/>, after
    /// opening data_root's directories to it.
    /// </summary>
    public static string For(string localDataRoot)
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists(localDataRoot))
        {
            return Pipeline;
        }

        var (uid, gid) = FileOwner.Of(localDataRoot);
        if (uid != 0)
        {
            return $"{uid}:{gid}";
        }

        OpenToEveryone(localDataRoot);
        return Pipeline;
    }

    [SupportedOSPlatform("linux")]
    private static void OpenToEveryone(string root)
    {
        foreach (var directory in Directory.EnumerateDirectories(root, "*", AllSubdirectories).Prepend(root))
        {
            if (File.GetUnixFileMode(directory) != Everyone)
            {
                File.SetUnixFileMode(directory, Everyone);
            }
        }
    }
}
