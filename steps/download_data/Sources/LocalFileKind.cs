using System.Runtime.InteropServices;

namespace WinePipeline.Steps.DownloadData.Sources;

/// <summary>
/// What a local path is, following links: only a regular file is read, because /dev/zero never
/// ends and opening a FIFO blocks until something writes to it. .NET does not expose the file
/// type, so it comes from Linux's statx(2), whose layout is the same on every architecture.
/// </summary>
internal static class LocalFileKind
{
    public const string Missing = "missing";

    private const int CurrentDirectory = -100; // AT_FDCWD
    private const uint TypeMask = 0x1; // STATX_TYPE
    private const int ModeOffset = 28; // struct statx: stx_mask, stx_blksize, stx_attributes, stx_nlink, stx_uid, stx_gid, then stx_mode
    private const int NoSuchFile = 2; // ENOENT
    private const int NotADirectory = 20; // ENOTDIR

    /// <summary>Null for a regular file; otherwise what the path is, for a message (<see cref="Missing"/>, "a directory", ...).</summary>
    public static string? NotRegular(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return File.Exists(path) ? null : Directory.Exists(path) ? "a directory" : Missing;
        }

        var buffer = new byte[256];
        if (Statx(CurrentDirectory, path, 0, TypeMask, buffer) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            return error is NoSuchFile or NotADirectory ? Missing : $"not accessible ({Marshal.GetPInvokeErrorMessage(error)})";
        }

        return (BitConverter.ToUInt16(buffer, ModeOffset) & 0xF000) switch
        {
            0x8000 => null,
            0x4000 => "a directory",
            0x2000 => "a character device",
            0x6000 => "a block device",
            0x1000 => "a FIFO",
            0xC000 => "a socket",
            _ => "not a regular file",
        };
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);
}
