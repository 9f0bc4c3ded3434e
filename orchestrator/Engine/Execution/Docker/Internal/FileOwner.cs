using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace Orchestrator.Execution.Docker.Internal;

/// <summary>Reads a file's numeric owner, which .NET has no API for, through Linux statx (same layout on every architecture).</summary>
internal static class FileOwner
{
    private const int CurrentDirectory = -100;
    private const uint UidAndGid = 0x8 | 0x10;
    private const int StatxSize = 256;
    private const int UidOffset = 20;
    private const int GidOffset = 24;

    [SupportedOSPlatform("linux")]
    public static (uint Uid, uint Gid) Of(string path)
    {
        var statx = new byte[StatxSize];
        if (Statx(CurrentDirectory, path, 0, UidAndGid, statx) != 0)
        {
            throw new IOException($"cannot read the owner of {path} (errno {Marshal.GetLastPInvokeError()})");
        }

        return (BitConverter.ToUInt32(statx, UidOffset), BitConverter.ToUInt32(statx, GidOffset));
    }

    [SupportedOSPlatform("linux")]
    public static void Change(string path, uint uid, uint gid)
    {
        if (Lchown(path, uid, gid) != 0)
        {
            throw new IOException($"cannot change the owner of {path} (errno {Marshal.GetLastPInvokeError()})");
        }
    }

    [DllImport("libc", EntryPoint = "lchown", SetLastError = true)]
    private static extern int Lchown([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint uid, uint gid);

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] statx);
}
