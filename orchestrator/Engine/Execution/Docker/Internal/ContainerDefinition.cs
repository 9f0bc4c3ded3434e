using Docker.DotNet.Models;

namespace Orchestrator.Execution.Docker.Internal;

internal static class ContainerDefinition
{
    private const long NanoCpusPerCpu = 1_000_000_000;

    /// <summary>Enough for a .NET step's threads, not for a fork bomb.</summary>
    internal const long PidsLimit = 256;

    /// <summary>The only writable place besides the data root; .NET keeps its diagnostics sockets there.</summary>
    internal const string TemporaryFiles = "/tmp";
    private const string TemporaryFilesOptions = "rw,noexec,nosuid,nodev,size=64m,mode=1777";

    /// <summary>
    /// One attempt's container: the task's arguments as Cmd (never a shell string), its environment, the data
    /// root bind-mounted, no network unless asked, its declared cpus, memory and GPUs as real limits, and least
    /// privilege: no capabilities, no privilege gain through setuid binaries, a read-only root file system
    /// (a small tmpfs at /tmp) and a bounded number of processes.
    /// </summary>
    public static CreateContainerParameters For(TaskInvocation invocation, string name, string hostDataRoot, string user) => new()
    {
        Name = name,
        Image = invocation.Image,
        Cmd = [.. invocation.Arguments],
        Env = [.. invocation.Environment.Select(pair => $"{pair.Key}={pair.Value}")],
        User = user,
        Labels = ContainerLabels.For(invocation, hostDataRoot),
        AttachStdout = true,
        AttachStderr = true,
        HostConfig = new HostConfig
        {
            Mounts = [new Mount { Type = "bind", Source = hostDataRoot, Target = ContainerPaths.DataRoot }],
            NetworkMode = invocation.NeedsNetwork ? null : "none",
            NanoCPUs = invocation.Resources.Cpus is { } cpus ? (long)(cpus * NanoCpusPerCpu) : 0,
            Memory = invocation.Resources.MemoryBytes ?? 0,
            MemorySwap = invocation.Resources.MemoryBytes ?? 0,
            DeviceRequests = invocation.Resources.Gpus > 0
                ? [new DeviceRequest { Driver = "nvidia", Count = invocation.Resources.Gpus, Capabilities = [["gpu"]] }]
                : null,
            CapDrop = ["ALL"],
            SecurityOpt = ["no-new-privileges"],
            ReadonlyRootfs = true,
            Tmpfs = new Dictionary<string, string> { [TemporaryFiles] = TemporaryFilesOptions },
            PidsLimit = PidsLimit,
        },
    };
}
