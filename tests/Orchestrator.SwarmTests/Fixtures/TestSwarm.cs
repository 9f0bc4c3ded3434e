using Docker.DotNet;
using Docker.DotNet.Models;
using Orchestrator.Execution.Process;

namespace Orchestrator.SwarmTests.Fixtures;

/// <summary>The 3-node swarm of scripts/swarm-up.sh: its names, and its scripts run as they would be by hand.</summary>
internal static class TestSwarm
{
    public const string Manager = "swarmtest-1";
    public const string NodeEngineTemplate = "unix:///run/swarmtest/{node}.sock";

    public static readonly string[] Nodes = [Manager, "swarmtest-2", "swarmtest-3"];

    public static Uri ManagerEngine => NodeEngine(Manager);

    /// <summary>The checkout these tests were built from: the folder holding WinePipeline.slnx.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static Uri NodeEngine(string node) => new(NodeEngineTemplate.Replace("{node}", node, StringComparison.Ordinal));

    public static string PidFile(string node) => $"/run/swarmtest/{node}/dockerd.pid";

    /// <summary>A new folder under the temporary folder that every node sees at the same path (they share the host's mount namespace), open to others as `mkdir` makes one, so that steps running as an image's user reach their staging folders.</summary>
    public static string NewSharedDataRoot(string prefix)
    {
        var dataRoot = Directory.CreateTempSubdirectory(prefix).FullName;
        File.SetUnixFileMode(dataRoot, File.GetUnixFileMode(dataRoot) | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        return dataRoot;
    }

    /// <summary>Sets a node "active" (it takes tasks) or "drain" (it takes none and its tasks move away).</summary>
    public static async Task SetAvailabilityAsync(DockerClient manager, string node, string availability)
    {
        var inspected = await manager.Swarm.InspectNodeAsync(node);
        await manager.Swarm.UpdateNodeAsync(inspected.ID, inspected.Version.Index, new NodeUpdateParameters
        {
            Name = inspected.Spec.Name,
            Labels = inspected.Spec.Labels,
            Role = inspected.Spec.Role,
            Availability = availability,
        });
    }

    /// <summary>Runs scripts/NAME and returns its output; throws with that output when it fails.</summary>
    public static async Task<string> RunScriptAsync(string name, params string[] arguments)
    {
        var output = new List<string>();
        var start = new ProcessStart(Path.Combine(RepositoryRoot, "scripts", name), arguments, RepositoryRoot);
        var exitCode = await ProcessRunner.RunAsync(start, (_, line) => { lock (output) { output.Add(line); } }, CancellationToken.None);
        var text = string.Join('\n', output);
        return exitCode == 0 ? text : throw new InvalidOperationException($"scripts/{name} exited with {exitCode}:\n{text}");
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "WinePipeline.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("the swarm tests run outside the checkout");
    }

    /// <summary>SIGKILLs the node's dockerd, as a preemptible machine vanishing would end it, after proving the pid is that daemon.</summary>
    public static void KillDaemon(string node)
    {
        var pidFile = PidFile(node);
        var pid = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        if (!commandLine.Contains($"--pidfile {pidFile}", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"process {pid} from {pidFile} is not {node}'s dockerd: {commandLine}");
        }

        System.Diagnostics.Process.GetProcessById(pid).Kill();
    }
}
