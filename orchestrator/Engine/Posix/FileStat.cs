using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace Orchestrator.Posix;

/// <summary>What .NET has no API for: a file's numeric owner and its type, through Linux statx (same layout on every architecture), and lchown.</summary>
internal static partial class FileStat
{
    private const int CurrentDirectory = -100;
    private const int NoFollow = 0x100;
    private const uint TypeAndMode = 0x1 | 0x2;
    private const uint UidAndGid = 0x8 | 0x10;
    private const int StatxSize = 256;
    private const int UidOffset = 20;
    private const int GidOffset = 24;
    private const int ModeOffset = 28;
    private const int TypeMask = 0xF000;
    private const int RegularFile = 0x8000;

    [SupportedOSPlatform("linux")]
    public static (uint Uid, uint Gid) Owner(string path)
    {
        var statx = Stat(path, 0, UidAndGid) ?? throw new IOException($"cannot read the owner of {path} (errno {Marshal.GetLastPInvokeError()})");
        return (BitConverter.ToUInt32(statx, UidOffset), BitConverter.ToUInt32(statx, GidOffset));
    }

    /// <summary>True for a regular file itself: not a symlink (not followed), folder, device, FIFO or socket.</summary>
    public static bool IsRegularFile(string path) =>
        OperatingSystem.IsLinux() ? Stat(path, NoFollow, TypeAndMode) is { } statx && (BitConverter.ToUInt16(statx, ModeOffset) & TypeMask) == RegularFile
        : File.Exists(path);

    [SupportedOSPlatform("linux")]
    public static void ChangeOwner(string path, uint uid, uint gid)
    {
        if (Lchown(path, uid, gid) != 0)
        {
            throw new IOException($"cannot change the owner of {path} (errno {Marshal.GetLastPInvokeError()})");
        }
    }

    private static byte[]? Stat(string path, int flags, uint mask)
    {
        var statx = new byte[StatxSize];
        return Statx(CurrentDirectory, path, flags, mask, statx) == 0 ? statx : null;
    }

    [LibraryImport("libc", EntryPoint = "lchown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Lchown(string path, uint uid, uint gid);

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, byte[] statx);
}
