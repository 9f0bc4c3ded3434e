namespace WinePipeline.Orchestrator.Locking;

/// <summary>
/// One run per data root. The lock is an OS file lock (a FileStream opened with FileShare.None,
/// an exclusive flock on Unix) on data_root/.orchestrator/run.lock, so the OS drops it when the
/// holder dies and a crashed run never leaves it stuck. Who holds it is written to run.holder.
/// </summary>
public sealed class RunLock : IDisposable
{
    private readonly FileStream lockFile;
    private readonly string holderPath;

    private RunLock(FileStream lockFile, string holderPath)
    {
        this.lockFile = lockFile;
        this.holderPath = holderPath;
    }

    /// <summary>Takes the lock at once or throws <see cref="RunLockedException"/> naming the holder.</summary>
    public static RunLock Acquire(string dataRoot, TimeProvider time)
    {
        var directory = Path.Combine(dataRoot, ".orchestrator");
        Directory.CreateDirectory(directory);
        var holderPath = Path.Combine(directory, "run.holder");
        FileStream lockFile;
        try
        {
            lockFile = new FileStream(Path.Combine(directory, "run.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new RunLockedException(dataRoot, ReadHolder(holderPath));
        }

        var holder = new RunLockHolder(Environment.ProcessId, Environment.MachineName, time.GetUtcNow());
        File.WriteAllText(holderPath, holder.Serialize());
        return new RunLock(lockFile, holderPath);
    }

    public void Dispose()
    {
        File.Delete(holderPath);
        lockFile.Dispose();
    }

    private static RunLockHolder? ReadHolder(string holderPath)
    {
        try
        {
            return RunLockHolder.TryParse(File.ReadAllText(holderPath));
        }
        catch (IOException)
        {
            return null;
        }
    }
}
