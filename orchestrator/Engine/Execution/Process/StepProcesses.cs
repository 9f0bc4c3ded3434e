using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Orchestrator.Execution.Process;

/// <summary>
/// A step process outlives an orchestrator killed with SIGKILL: nothing forwards that signal. So each
/// running step's pid, start time and command line are kept in data_root/.orchestrator/processes/&lt;task&gt;.pid
/// (a folder only this user may write), and before the task runs again a still-running orphan of it is
/// killed, so two processes never write the same staging folder. The file is not trusted: a process is
/// killed only when its pid, its start time and the hash of its command line all match what was recorded,
/// which proves it is the step this orchestrator started and not one that reused the pid or was named in a forged file.
/// </summary>
internal sealed class StepProcesses(string dataRoot, TextWriter output)
{
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(10);

    // Process.StartTime is derived from the boot time, which two processes compute a few milliseconds apart.
    private static readonly TimeSpan SameStart = TimeSpan.FromSeconds(1);

    private string Directory => Path.Combine(dataRoot, RunLogs.OrchestratorDirectory, "processes");

    public void KillOrphanOf(string taskId)
    {
        var record = PathOf(taskId);
        if (!File.Exists(record))
        {
            return;
        }

        var fields = File.ReadAllText(record).Split(' ');
        if (fields.Length == 3
            && int.TryParse(fields[0], CultureInfo.InvariantCulture, out var pid)
            && long.TryParse(fields[1], CultureInfo.InvariantCulture, out var started)
            && Find(pid) is { } orphan)
        {
            using (orphan)
            {
                if (Math.Abs(StartTicks(orphan) - started) < SameStart.Ticks && CommandLineHash(pid) == fields[2])
                {
                    output.WriteLine($"--- {taskId}: stopping its step process {pid}, left running by an orchestrator that was killed");
                    orphan.Kill(entireProcessTree: true);
                    orphan.WaitForExit(ExitWait);
                }
            }
        }

        File.Delete(record);
    }

    public void Started(string taskId, System.Diagnostics.Process process)
    {
        Posix.PrivateDirectory.Create(Directory);
        Fingerprints.AtomicFile.Write(
            PathOf(taskId),
            Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{process.Id} {StartTicks(process)} {CommandLineHash(process.Id)}")));
    }

    public void Ended(string taskId) => File.Delete(PathOf(taskId));

    private string PathOf(string taskId) => Path.Combine(Directory, $"{taskId}.pid");

    private static long StartTicks(System.Diagnostics.Process process) => process.StartTime.ToUniversalTime().Ticks;

    private static string CommandLineHash(int pid)
    {
        try
        {
            return Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes($"/proc/{pid}/cmdline")));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "unknown";
        }
    }

    private static System.Diagnostics.Process? Find(int pid)
    {
        try
        {
            var process = System.Diagnostics.Process.GetProcessById(pid);
            return process.HasExited ? null : process;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }
}
