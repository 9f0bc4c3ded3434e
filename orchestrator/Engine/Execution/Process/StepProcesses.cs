using System.Globalization;

namespace Orchestrator.Execution.Process;

/// <summary>
/// A step process outlives an orchestrator killed with SIGKILL: nothing forwards that signal. So each
/// running step's pid and start time are kept in data_root/.orchestrator/processes/&lt;task&gt;.pid, and
/// before the task runs again a still-running orphan of it is killed: two processes never write the same
/// staging folder. The start time tells the orphan apart from an unrelated process that reused its pid.
/// </summary>
internal sealed class StepProcesses(string dataRoot)
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
        if (fields.Length == 2
            && int.TryParse(fields[0], CultureInfo.InvariantCulture, out var pid)
            && long.TryParse(fields[1], CultureInfo.InvariantCulture, out var started)
            && Find(pid) is { } orphan)
        {
            using (orphan)
            {
                if (Math.Abs(StartTicks(orphan) - started) < SameStart.Ticks)
                {
                    orphan.Kill(entireProcessTree: true);
                    orphan.WaitForExit(ExitWait);
                }
            }
        }

        File.Delete(record);
    }

    public void Started(string taskId, System.Diagnostics.Process process)
    {
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(PathOf(taskId), string.Create(CultureInfo.InvariantCulture, $"{process.Id} {StartTicks(process)}"));
    }

    public void Ended(string taskId) => File.Delete(PathOf(taskId));

    private string PathOf(string taskId) => Path.Combine(Directory, $"{taskId}.pid");

    private static long StartTicks(System.Diagnostics.Process process) => process.StartTime.ToUniversalTime().Ticks;

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
