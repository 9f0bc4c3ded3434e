using Docker.DotNet.Models;

namespace WinePipeline.Orchestrator.Execution.Docker.Internal;

internal static class ContainerDefinition
{
    public const double NanoCpusPerCpu = 1e9;

    /// <summary>One attempt's container: the step's arguments as Cmd (never a shell string), data_root bind-mounted, no network unless asked, its resources as limits.</summary>
    public static CreateContainerParameters For(TaskInvocation invocation, string name, string hostDataRoot, string user) => new()
    {
        Name = name,
        Image = invocation.Image,
        Cmd = [.. invocation.Arguments],
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
            DeviceRequests = invocation.Resources.Gpus > 0 ? [Gpus(invocation.Resources.Gpus)] : null,
        },
    };

    /// <summary>What `docker run --gpus N` asks for.</summary>
    private static DeviceRequest Gpus(int count) => new() { Count = count, Capabilities = [["gpu"]] };
}
