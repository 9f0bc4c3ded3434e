using System.Runtime.InteropServices;

namespace Orchestrator.Locking;

/// <summary>
/// One run per data root. The lock is a kernel lock (flock) on the data root folder itself, which no
/// run deletes, so the OS drops it when the holder dies, a crashed run never leaves it stuck, and
/// removing a file under .orchestrator/ cannot let a second run in. Who holds it is written to
/// .orchestrator/run.holder, for messages only: the lock, never that file, is the proof.
/// </summary>
internal sealed partial class RunLock : IDisposable
{
    private const int ReadOnlyDirectory = 0x10000; // O_RDONLY | O_DIRECTORY
    private const int CloseOnExec = 0x80000;
    private const int Exclusive = 2;
    private const int NonBlocking = 4;
    private const int WouldBlock = 11;

    private readonly int descriptor;
    private readonly string holderPath;

    private RunLock(int descriptor, string holderPath)
    {
        this.descriptor = descriptor;
        this.holderPath = holderPath;
    }

    /// <summary>Takes the lock at once or throws <see cref="RunLockedException"/> naming the holder.</summary>
    public static RunLock Acquire(string dataRoot, TimeProvider time)
    {
        var directory = Path.Combine(dataRoot, ".orchestrator");
        Directory.CreateDirectory(directory);
        var holderPath = Path.Combine(directory, "run.holder");
        var descriptor = Open(dataRoot, ReadOnlyDirectory | CloseOnExec);
        if (descriptor < 0)
        {
            throw new IOException($"cannot open {dataRoot} to lock it (errno {Marshal.GetLastPInvokeError()})");
        }

        if (Flock(descriptor, Exclusive | NonBlocking) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            Close(descriptor);
            if (error == WouldBlock)
            {
                throw new RunLockedException(dataRoot, ReadHolder(holderPath));
            }

            throw new IOException($"cannot lock {dataRoot} (errno {error})");
        }

        var holder = new RunLockHolder(Environment.ProcessId, Environment.MachineName, time.GetUtcNow());
        try
        {
            Fingerprints.AtomicFile.Write(holderPath, System.Text.Encoding.UTF8.GetBytes(holder.Serialize()));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The holder file only names the holder in messages; the kernel lock is held either way.
        }
        return new RunLock(descriptor, holderPath);
    }

    /// <summary>Who last held the lock, as recorded (the holder of a run that was killed stays recorded).</summary>
    public static RunLockHolder? LastHolder(string dataRoot) => ReadHolder(Path.Combine(dataRoot, ".orchestrator", "run.holder"));

    public void Dispose()
    {
        File.Delete(holderPath);
        Close(descriptor);
    }

    private static RunLockHolder? ReadHolder(string holderPath)
    {
        try
        {
            return RunLockHolder.TryParse(File.ReadAllText(holderPath));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int Flock(int descriptor, int operation);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int descriptor);
}
