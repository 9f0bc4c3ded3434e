using System.Runtime.InteropServices;

namespace Orchestrator.Execution.Docker.Internal;

/// <summary>A path with every symbolic link resolved (libc realpath), which .NET has no API for.</summary>
internal static class RealPath
{
    /// <summary>The resolved absolute path, or the plain absolute path when it does not exist (yet) or off Linux.</summary>
    public static string Of(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        if (!OperatingSystem.IsLinux())
        {
            return full;
        }

        var resolved = Realpath(full, IntPtr.Zero);
        if (resolved == IntPtr.Zero)
        {
            return full;
        }

        try
        {
            return Marshal.PtrToStringUTF8(resolved) ?? full;
        }
        finally
        {
            Free(resolved);
        }
    }

    [DllImport("libc", EntryPoint = "realpath", SetLastError = true)]
    private static extern IntPtr Realpath([MarshalAs(UnmanagedType.LPUTF8Str)] string path, IntPtr resolved);

    [DllImport("libc", EntryPoint = "free")]
    private static extern void Free(IntPtr pointer);
}
