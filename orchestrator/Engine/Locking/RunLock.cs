using Orchestrator.Posix;

namespace Orchestrator.Locking;

/// <summary>
/// One run per data root. The lock is a kernel lock (flock) on the data root folder itself, which no
/// run deletes, so the OS drops it when the holder dies, a crashed run never leaves it stuck, and
/// removing a file under .orchestrator/ cannot let a second run in. Who holds it is written to
/// .orchestrator/run.holder, for messages only: the lock, never that file, is the proof.
/// </summary>
internal sealed class RunLock : IDisposable
{
    private readonly KernelLock kernelLock;
    private readonly string holderPath;

    private RunLock(KernelLock kernelLock, string holderPath)
    {
        this.kernelLock = kernelLock;
        this.holderPath = holderPath;
    }

    /// <summary>Takes the lock at once or throws <see cref="RunLockedException"/> naming the holder.</summary>
    public static RunLock Acquire(string dataRoot, TimeProvider time)
    {
        var directory = Path.Combine(dataRoot, ".orchestrator");
        PrivateDirectory.CreatePassThrough(directory);
        var holderPath = Path.Combine(directory, "run.holder");
        var kernelLock = KernelLock.TryTakeFolder(dataRoot) ?? throw new RunLockedException(dataRoot, ReadHolder(holderPath));
        var holder = new RunLockHolder(Environment.ProcessId, Environment.MachineName, time.GetUtcNow());
        try
        {
            Fingerprints.AtomicFile.Write(holderPath, System.Text.Encoding.UTF8.GetBytes(holder.Serialize()), ownerOnly: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The holder file only names the holder in messages; the kernel lock is held either way.
        }

        return new RunLock(kernelLock, holderPath);
    }

    /// <summary>Who last held the lock, as recorded (the holder of a run that was killed stays recorded).</summary>
    public static RunLockHolder? LastHolder(string dataRoot) => ReadHolder(Path.Combine(dataRoot, ".orchestrator", "run.holder"));

    public void Dispose()
    {
        try
        {
            File.Delete(holderPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Something else took the holder file's place (a folder): it names no holder, and the lock goes with the descriptor.
        }

        kernelLock.Dispose();
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
}
