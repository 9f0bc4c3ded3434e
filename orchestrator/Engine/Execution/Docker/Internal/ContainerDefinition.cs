using Docker.DotNet.Models;

namespace Orchestrator.Execution.Docker.Internal;

internal static class ContainerDefinition
{
    private const long NanoCpusPerCpu = 1_000_000_000;

    /// <summary>
    /// One attempt's container: the task's arguments as Cmd (never a shell string), its environment, the data
    /// root bind-mounted, no network unless asked, and its declared cpus, memory and GPUs as real limits.
    /// </summary>
    public static CreateContainerParameters For(TaskInvocation invocation, string name, string hostDataRoot, string user) => new()
    {
        Name = name,
        Image = invocation.Image,
        Cmd = [.. invocation.Arguments],
        Env = [.. invocation.Environment.Select(pair => $"{pair.Key}={pair.Value}")],
        User = user,
        Labels = ContainerLabels.For(invocation),
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
        },
    };
}
