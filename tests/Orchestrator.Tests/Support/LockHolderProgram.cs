using Orchestrator.Locking;

namespace Orchestrator.Tests.Support;

/// <summary>
/// Entry point of this test assembly when run as a child process: `hold-lock DATA_ROOT` takes the
/// run lock, says "locked" and waits to be killed.
/// </summary>
public static class LockHolderProgram
{
    public const string HoldLockCommand = "hold-lock";
    public const string LockedLine = "locked";

    public static int Main(string[] args)
    {
        if (args is not [HoldLockCommand, var dataRoot])
        {
            Console.Error.WriteLine($"usage: {HoldLockCommand} DATA_ROOT");
            return 2;
        }

        using var runLock = RunLock.Acquire(dataRoot, TimeProvider.System);
        Console.WriteLine(LockedLine);
        Thread.Sleep(Timeout.Infinite);
        return 0;
    }
}
