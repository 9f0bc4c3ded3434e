using System.Diagnostics;
using Orchestrator.Locking;
using Orchestrator.Tests.Support;

namespace Orchestrator.Tests.Locking;

public class RunLockTests
{
    [Fact]
    public void Second_acquire_on_the_same_data_root_fails_naming_the_holder_until_the_first_is_released()
    {
        using var dataRoot = new TempDirectory();
        var first = RunLock.Acquire(dataRoot.Path, TimeProvider.System);

        var error = Assert.Throws<RunLockedException>(() => RunLock.Acquire(dataRoot.Path, TimeProvider.System));
        Assert.Equal(Environment.ProcessId, error.Holder?.ProcessId);
        first.Dispose();

        using var second = RunLock.Acquire(dataRoot.Path, TimeProvider.System);
    }

    [Fact]
    public async Task Run_while_another_process_holds_the_lock_exits_2_naming_it_and_the_lock_frees_when_that_process_is_killed()
    {
        using var dataRoot = new TempDirectory();
        using var holder = StartLockHolder(dataRoot.Path);
        var executor = new RecordingExecutor(dataRoot.Path);

        var blocked = await CliRunner.RunGraphAsync(["A"], executor, ["run", "A", "--data-root", dataRoot.Path]);

        Assert.Equal(2, blocked.ExitCode);
        Assert.StartsWith($"orchestrator: error: another run is using data root {dataRoot.Path} (pid {holder.Id} on host {Environment.MachineName}, started ", blocked.Error);
        Assert.Empty(executor.Invocations);

        holder.Kill(); // SIGKILL, as kill -9: the holder cannot clean up, only the OS releases its lock
        await holder.WaitForExitAsync();

        var after = await CliRunner.RunGraphAsync(["A"], executor, ["run", "A", "--data-root", dataRoot.Path]);
        Assert.Equal(0, after.ExitCode);
        Assert.Equal(["A"], executor.Ran);
    }

    /// <summary>Starts this test assembly as a child process that takes the lock through the real <see cref="RunLock"/>.</summary>
    private static Process StartLockHolder(string dataRoot)
    {
        var startInfo = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        startInfo.ArgumentList.Add(typeof(LockHolderProgram).Assembly.Location);
        startInfo.ArgumentList.Add(LockHolderProgram.HoldLockCommand);
        startInfo.ArgumentList.Add(dataRoot);
        var process = Process.Start(startInfo)!;
        Assert.Equal(LockHolderProgram.LockedLine, process.StandardOutput.ReadLine());
        return process;
    }
}
