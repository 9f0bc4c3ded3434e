using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Docker.DotNet.Models;
using WinePipeline.Orchestrator.Execution.Docker.Internal;

namespace WinePipeline.Orchestrator.Execution.Swarm.Internal;

/// <summary>
/// One attempt as a swarm job: a ReplicatedJob of one completion that is never restarted, running
/// the step's arguments (never a shell string) with the shared data root bind-mounted, its resources
/// as limits and reservations, its constraints as placement, and the network only when it asks.
/// </summary>
internal static class ServiceDefinition
{
    /// <summary>Label that sends GPU tasks to the nodes that have GPUs (docker node update --label-add gpu=true NODE).</summary>
    public const string GpuConstraint = "node.labels.gpu==true";

    public static ServiceSpec For(TaskInvocation invocation, string name, string hostDataRoot, string user, string isolatedNetwork)
    {
        var labels = ServiceLabels.For(invocation, hostDataRoot, SpecHash(invocation, hostDataRoot, user));
        return new ServiceSpec
        {
            Name = name,
            Labels = labels,
            Mode = new ServiceMode { ReplicatedJob = new ReplicatedJob { MaxConcurrent = 1, TotalCompletions = 1 } },
            TaskTemplate = new TaskSpec
            {
                ContainerSpec = new ContainerSpec
                {
                    Image = invocation.Image,
                    Args = [.. invocation.Arguments],
                    User = user,
                    Labels = labels,
                    Mounts = [new Mount { Type = "bind", Source = hostDataRoot, Target = ContainerPaths.DataRoot }],
                },
                RestartPolicy = new SwarmRestartPolicy { Condition = "none" },
                Resources = Resources(invocation.Resources),
                Placement = new Placement { Constraints = [.. Constraints(invocation)] },
                // Without a network a task gets the node's default bridge, with a way out; the isolated network has none.
                Networks = invocation.NeedsNetwork ? [] : [new NetworkAttachmentConfig { Target = isolatedNetwork }],
            },
        };
    }

    /// <summary>What decides whether a found service runs the same thing as this attempt would (run and attempt aside).</summary>
    public static string SpecHash(TaskInvocation invocation, string hostDataRoot, string user)
    {
        var identity = JsonSerializer.Serialize(new
        {
            invocation.Image,
            invocation.Arguments,
            User = user,
            DataRoot = hostDataRoot,
            invocation.NeedsNetwork,
            invocation.Resources.Cpus,
            invocation.Resources.MemoryBytes,
            invocation.Resources.Gpus,
            Constraints = Constraints(invocation),
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..16];
    }

    public static IEnumerable<string> Constraints(TaskInvocation invocation) =>
        invocation.Resources.Gpus > 0 && !invocation.Constraints.Contains(GpuConstraint)
            ? [.. invocation.Constraints, GpuConstraint]
            : invocation.Constraints;

    private static ResourceRequirements Resources(TaskResources resources)
    {
        var nanoCpus = resources.Cpus is { } cpus ? (long)(cpus * ContainerDefinition.NanoCpusPerCpu) : 0;
        var memory = resources.MemoryBytes ?? 0;
        return new ResourceRequirements
        {
            Limits = new SwarmLimit { NanoCPUs = nanoCpus, MemoryBytes = memory },
            Reservations = new SwarmResources { NanoCPUs = nanoCpus, MemoryBytes = memory },
        };
    }
}
