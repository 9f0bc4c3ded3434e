using Docker.DotNet.Models;

namespace WinePipeline.Orchestrator.Execution.Docker.Internal;

internal static class ContainerDefinition
{
    /// <summary>Enough for a .NET step's threads, not for a fork bomb.</summary>
    private const long PidsLimit = 256;

    /// <summary>The only writable place besides data_root; .NET keeps its diagnostics sockets there.</summary>
    private const string TemporaryFiles = "/tmp";
    private const string TemporaryFilesOptions = "rw,noexec,nosuid,nodev,size=64m,mode=1777";

    /// <summary>
    /// One attempt's container: the step's arguments as Cmd (never a shell string), data_root bind-mounted,
    /// no network unless asked, and least privilege: no capabilities, no privilege gain through setuid
    /// binaries, a read-only root file system and a bounded number of processes.
    /// </summary>
    public static CreateContainerParameters For(TaskInvocation invocation, string name, string hostDataRoot, string user) => new()
    {
        Name = name,
        Image = invocation.Image,
        Cmd = [.. invocation.Arguments],
        User = user,
        Labels = ContainerLabels.For(invocation, hostDataRoot),
        AttachStdout = true,
        AttachStderr = true,
        HostConfig = new HostConfig
        {
            Mounts = [new Mount { Type = "bind", Source = hostDataRoot, Target = ContainerPaths.DataRoot }],
            NetworkMode = invocation.NeedsNetwork ? null : "none",
            CapDrop = ["ALL"],
            SecurityOpt = ["no-new-privileges"],
            ReadonlyRootfs = true,
            Tmpfs = new Dictionary<string, string> { [TemporaryFiles] = TemporaryFilesOptions },
            PidsLimit = PidsLimit,
        },
    };
}
