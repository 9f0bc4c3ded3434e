using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Orchestrator.Execution.Process;

/// <summary>
/// A step process outlives an orchestrator killed with SIGKILL: nothing forwards that signal. So before a step starts, a
/// new secret token is written to data_root/.orchestrator/processes/&lt;task&gt;.token (a folder only this user may write),
/// and the step, with every process it starts, carries the token in its environment. Before the task runs again, every
/// process still carrying it is killed, so two processes never write the same staging folder. The record exists before
/// the step does, so no crash leaves a step running that no record names, and a step's children are found even after
/// they left its process tree. Nothing else is trusted: the token is read only from a record this user wrote that no
/// one else may write, and a process's environment can be read only by its owner (or root).
/// </summary>
internal sealed class StepProcesses(string dataRoot, TextWriter output)
{
    public const string TokenVariable = "ORCHESTRATOR_STEP_TOKEN";

    private const int TokenBytes = 16;

    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(10);

    private string Directory => Path.Combine(dataRoot, RunLogs.OrchestratorDirectory, "processes");

    public void KillOrphansOf(string taskId)
    {
        var record = PathOf(taskId);
        if (!File.Exists(record) && new FileInfo(record).LinkTarget is null)
        {
            return;
        }

        // A record this user did not write (another owner, writable by others, a symlink) is removed unread.
        if (OperatingSystem.IsLinux() && Posix.FileStat.IsOwnPrivateFile(record)
            && File.ReadAllText(record) is { Length: TokenBytes * 2 } token && token.All(char.IsAsciiHexDigitLower))
        {
            var orphans = Carrying(token);
            if (orphans.Count > 0)
            {
                output.WriteLine($"--- {taskId}: stopping its step process{(orphans.Count > 1 ? "es" : "")} {string.Join(", ", orphans)}, left running by an orchestrator that was killed");
                orphans.ForEach(Kill);
            }
        }

        File.Delete(record);
    }

    /// <summary>Records a new token for the task's step process, which gets it in <see cref="TokenVariable"/>.</summary>
    public string Starting(string taskId)
    {
        Posix.PrivateDirectory.Create(Directory);
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(TokenBytes));
        Fingerprints.AtomicFile.Write(PathOf(taskId), Encoding.ASCII.GetBytes(token), ownerOnly: true);
        return token;
    }

    public void Ended(string taskId) => File.Delete(PathOf(taskId));

    /// <summary>The pids of the processes whose environment holds the token, lowest first.</summary>
    public static List<int> Carrying(string token)
    {
        var entry = Encoding.ASCII.GetBytes($"{TokenVariable}={token}");
        var found = new List<int>();
        foreach (var folder in System.IO.Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid != Environment.ProcessId && Holds(pid, entry))
            {
                found.Add(pid);
            }
        }

        found.Sort();
        return found;
    }

    private static bool Holds(int pid, byte[] entry)
    {
        try
        {
            ReadOnlySpan<byte> environment = File.ReadAllBytes($"/proc/{pid}/environ");
            foreach (var variable in environment.Split((byte)0))
            {
                if (environment[variable].SequenceEqual(entry))
                {
                    return true;
                }
            }

            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // gone, or another user's
        }
    }

    private static void Kill(int pid)
    {
        try
        {
            using var orphan = System.Diagnostics.Process.GetProcessById(pid);
            orphan.Kill(entireProcessTree: true);
            orphan.WaitForExit(ExitWait);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // Already gone: killed with an earlier one's tree, or ended by itself.
        }
    }

    private string PathOf(string taskId) => Path.Combine(Directory, $"{taskId}.token");
}
