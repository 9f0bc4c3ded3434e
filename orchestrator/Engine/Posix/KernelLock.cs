using System.Runtime.InteropServices;

namespace Orchestrator.Posix;

/// <summary>
/// An exclusive flock(2) on a file or folder: the kernel drops it when its holder dies, however it dies,
/// so a lock is never left stuck, and deleting or replacing the file's name frees nothing.
/// </summary>
internal sealed partial class KernelLock : IDisposable
{
    private const int ReadOnly = 0;
    private const int Create = 0x40;
    private const int NonBlockingOpen = 0x800;
    private const int Directory = 0x10000;
    private const int NoFollow = 0x20000;
    private const int CloseOnExec = 0x80000;
    private const int OwnerReadWriteOthersRead = 0x1A4; // 0644
    private const int Exclusive = 2;
    private const int NonBlocking = 4;
    private const int WouldBlock = 11;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private readonly int descriptor;

    private KernelLock(int descriptor) => this.descriptor = descriptor;

    /// <summary>Takes the lock on an existing folder at once; null when another process holds it.</summary>
    public static KernelLock? TryTakeFolder(string folder) => TryTake(folder, ReadOnly | Directory | CloseOnExec);

    /// <summary>
    /// Takes the lock on <paramref name="file"/> (created if missing; a symlink is refused, a FIFO never blocks the open),
    /// waiting as long as another process holds it; <paramref name="waiting"/> is called once, when it must wait.
    /// </summary>
    public static async Task<KernelLock> TakeFileAsync(string file, Action waiting, CancellationToken cancellation)
    {
        var flags = ReadOnly | Create | NonBlockingOpen | NoFollow | CloseOnExec;
        var taken = TryTake(file, flags);
        if (taken is null)
        {
            waiting();
        }

        while (taken is null)
        {
            await Task.Delay(PollInterval, cancellation);
            taken = TryTake(file, flags);
        }

        return taken;
    }

    public void Dispose() => Close(descriptor);

    private static KernelLock? TryTake(string path, int openFlags)
    {
        var descriptor = Open(path, openFlags, OwnerReadWriteOthersRead);
        if (descriptor < 0)
        {
            throw new IOException($"cannot open {path} to lock it (errno {Marshal.GetLastPInvokeError()})");
        }

        if (Flock(descriptor, Exclusive | NonBlocking) == 0)
        {
            return new KernelLock(descriptor);
        }

        var error = Marshal.GetLastPInvokeError();
        Close(descriptor);
        return error == WouldBlock ? null : throw new IOException($"cannot lock {path} (errno {error})");
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int Flock(int descriptor, int operation);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int descriptor);
}
