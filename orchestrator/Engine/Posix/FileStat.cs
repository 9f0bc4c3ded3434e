using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace Orchestrator.Posix;

/// <summary>What .NET has no API for: a file's numeric owner and its type (through <see cref="Statx"/>), lchown, and who this process is.</summary>
internal static partial class FileStat
{
    [SupportedOSPlatform("linux")]
    public static (uint Uid, uint Gid) Owner(string path) =>
        Statx.Of(path) is { } stat ? (stat.Uid, stat.Gid) : throw new IOException($"cannot read the owner of {path} (errno {Marshal.GetLastPInvokeError()})");

    /// <summary>True for a regular file itself: not a symlink (not followed), folder, device, FIFO or socket.</summary>
    public static bool IsRegularFile(string path) =>
        OperatingSystem.IsLinux() ? Statx.Of(path) is { IsRegularFile: true } : File.Exists(path);

    /// <summary>
    /// True when the file is a regular file (not a symlink) that this process's user owns and no one else may write:
    /// what this process wrote itself, which nobody else can have forged.
    /// </summary>
    [SupportedOSPlatform("linux")]
    public static bool IsOwnPrivateFile(string path) =>
        Statx.Of(path) is { IsRegularFile: true, WritableByOthers: false } stat && stat.Uid == EffectiveUserId();

    [SupportedOSPlatform("linux")]
    public static void ChangeOwner(string path, uint uid, uint gid)
    {
        if (Lchown(path, uid, gid) != 0)
        {
            throw new IOException($"cannot change the owner of {path} (errno {Marshal.GetLastPInvokeError()})");
        }
    }

    [LibraryImport("libc", EntryPoint = "lchown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Lchown(string path, uint uid, uint gid);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint EffectiveUserId();
}
