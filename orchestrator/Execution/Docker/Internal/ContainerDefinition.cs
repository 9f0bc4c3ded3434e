using Docker.DotNet.Models;

namespace WinePipeline.Orchestrator.Execution.Docker.Internal;

internal static class ContainerDefinition
{
    /// <summary>One attempt's container: the step's arguments as Cmd (never a shell string), data_root bind-mounted, no network unless asked.</summary>
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
        },
    };
}
