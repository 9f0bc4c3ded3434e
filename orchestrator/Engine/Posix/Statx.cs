using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Orchestrator.Posix;

/// <summary>
/// Linux statx(2), the one place that calls it: its struct has the same layout on every architecture.
/// Reads a file's type, permission bits and numeric owner, by path (never following a final symlink) or by open descriptor.
/// </summary>
internal static partial class Statx
{
    private const int CurrentDirectory = -100;
    private const int NoFollow = 0x100;
    private const int EmptyPath = 0x1000;
    private const uint TypeModeAndOwner = 0x1 | 0x2 | 0x8 | 0x10;
    private const int Size = 256;
    private const int UidOffset = 20;
    private const int GidOffset = 24;
    private const int ModeOffset = 28;

    /// <summary>The file itself (a symlink is not followed), or null when it cannot be read (absent); errno is kept for the caller.</summary>
    public static StatxResult? Of(string path) => Call(CurrentDirectory, path, NoFollow);

    /// <summary>What an open descriptor refers to.</summary>
    public static StatxResult? Of(SafeFileHandle handle) => Call((int)handle.DangerousGetHandle(), string.Empty, EmptyPath);

    private static StatxResult? Call(int directory, string path, int flags)
    {
        var buffer = new byte[Size];
        return Native(directory, path, flags, TypeModeAndOwner, buffer) != 0 ? null
            : new StatxResult(BitConverter.ToUInt32(buffer, UidOffset), BitConverter.ToUInt32(buffer, GidOffset), BitConverter.ToUInt16(buffer, ModeOffset));
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Native(int directory, string path, int flags, uint mask, byte[] statx);
}

/// <summary>A file's owner and its st_mode (type and permission bits).</summary>
internal readonly record struct StatxResult(uint Uid, uint Gid, ushort Mode)
{
    private const int TypeMask = 0xF000;
    private const int RegularFile = 0x8000;
    private const int GroupOrOtherWrite = 0x10 | 0x2;

    public bool IsRegularFile => (Mode & TypeMask) == RegularFile;

    public bool WritableByOthers => (Mode & GroupOrOtherWrite) != 0;
}
