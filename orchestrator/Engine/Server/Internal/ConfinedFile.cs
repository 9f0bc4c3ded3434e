using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Orchestrator.Server.Internal;

/// <summary>
/// Opens a file the server serves (a log, a plot) only when it is a regular file inside its folder
/// of the data root, reached with no symlink anywhere below the data root, and no FIFO or device. The checks run on the opened descriptor, so swapping the file between a check and the
/// open gains nothing, and the open never blocks (a FIFO is opened non-blocking, then refused).
/// </summary>
internal static class ConfinedFile
{
    private const int ReadOnly = 0;
    private const int NonBlocking = 0x800;
    private const int CloseOnExec = 0x80000;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxType = 0x1;
    private const int StatxModeOffset = 28;
    private const int FileTypeMask = 0xF000;
    private const int RegularFile = 0x8000;

    private const int NoSuchFile = 2;
    private const int NotADirectory = 20;

    /// <summary>The file opened for reading, or null when it does not exist.</summary>
    /// <param name="root">The data root: from it down to the file, no symlink is followed.</param>
    /// <param name="folder">The folder under <paramref name="root"/> the file must be in.</param>
    /// <exception cref="UnauthorizedAccessException">It exists but is not a regular file reached without a symlink below <paramref name="root"/>.</exception>
    public static FileStream? OpenRead(string root, string folder, string path)
    {
        var full = Path.GetFullPath(path);
        if (!Inside(Path.GetFullPath(folder), full))
        {
            throw Refused(path, folder);
        }

        var relative = Path.GetRelativePath(Path.GetFullPath(root), full);
        using var rootHandle = OpenHandle(root);
        var handle = rootHandle is null ? null : OpenHandle(full);
        if (handle is null)
        {
            return null;
        }

        if (!IsRegularFile(handle) || RealPathOf(handle) != Path.Join(RealPathOf(rootHandle!), relative))
        {
            handle.Dispose();
            throw Refused(path, folder);
        }

        return new FileStream(handle, FileAccess.Read);
    }

    private static bool Inside(string folder, string path)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative != "." && relative != ".." && !relative.StartsWith("../", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }

    private static UnauthorizedAccessException Refused(string path, string directory) =>
        new($"refused to serve {path}: not a regular file inside {directory} (a symlink on the way, a FIFO or a device)");

    private static SafeFileHandle? OpenHandle(string path)
    {
        var descriptor = Native.open(path, ReadOnly | NonBlocking | CloseOnExec);
        if (descriptor >= 0)
        {
            return new SafeFileHandle(descriptor, ownsHandle: true);
        }

        var error = Marshal.GetLastPInvokeError();
        return error is NoSuchFile or NotADirectory ? null : throw new UnauthorizedAccessException($"cannot open {path} (errno {error})");
    }

    // The kernel's own name for what was opened: every symlink on the way already resolved.
    private static string? RealPathOf(SafeFileHandle handle) =>
        new FileInfo($"/proc/self/fd/{handle.DangerousGetHandle()}").LinkTarget;

    private static bool IsRegularFile(SafeFileHandle handle)
    {
        // struct statx has one layout on every architecture; stx_mode is a u16 at byte 28.
        var buffer = new byte[256];
        return Native.statx((int)handle.DangerousGetHandle(), string.Empty, AtEmptyPath, StatxType, buffer) == 0
            && (BitConverter.ToUInt16(buffer, StatxModeOffset) & FileTypeMask) == RegularFile;
    }

    private static class Native
    {
        [DllImport("libc", SetLastError = true)]
        public static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport("libc", SetLastError = true)]
        public static extern int statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
    }
}
