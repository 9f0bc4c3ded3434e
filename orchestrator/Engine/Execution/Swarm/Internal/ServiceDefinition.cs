using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Docker.DotNet.Models;
using Orchestrator.Execution.Docker.Internal;

namespace Orchestrator.Execution.Swarm.Internal;

/// <summary>
/// One attempt as a swarm job: a ReplicatedJob of one completion that is never restarted. It runs the
/// task's arguments (never a shell string) with its environment and the shared data root bind-mounted,
/// its resources as limits and reservations, its constraints as placement, the network only when it
/// asks, and the docker executor's least privilege as far as swarm offers it: no capabilities, a
/// read-only root file system with a small tmpfs at /tmp, and a bounded number of processes.
/// (Swarm services cannot set no-new-privileges.)
/// </summary>
internal static class ServiceDefinition
{
    /// <summary>Label that sends GPU tasks to the nodes that have GPUs (docker node update --label-add gpu=true NODE).</summary>
    public const string GpuConstraint = "node.labels.gpu==true";

    private const long NanoCpusPerCpu = 1_000_000_000;
    private const long TemporaryFilesBytes = 64L << 20;
    private const uint TemporaryFilesMode = 0b1_111_111_111;

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
                    // Args, not Command: Command would replace the image's entrypoint.
                    Args = [.. invocation.Arguments],
                    Env = [.. invocation.Environment.Select(pair => $"{pair.Key}={pair.Value}")],
                    User = user,
                    Labels = labels,
                    Mounts =
                    [
                        new Mount { Type = "bind", Source = hostDataRoot, Target = ContainerPaths.DataRoot },
                        new Mount
                        {
                            Type = "tmpfs",
                            Target = ContainerDefinition.TemporaryFiles,
                            TmpfsOptions = new TmpfsOptions { SizeBytes = TemporaryFilesBytes, Mode = TemporaryFilesMode },
                        },
                    ],
                    ReadOnly = true,
                    CapabilityDrop = ["ALL"],
                },
                RestartPolicy = new SwarmRestartPolicy { Condition = "none" },
                Resources = Resources(invocation.Resources),
                Placement = new Placement { Constraints = [.. Constraints(invocation)] },
                // Without a network a task gets the node's default bridge, with a way out; the isolated network has none.
                Networks = invocation.NeedsNetwork ? [] : [new NetworkAttachmentConfig { Target = isolatedNetwork }],
            },
        };
    }

    /// <summary>What decides whether a found service runs what this attempt would (run and attempt aside).</summary>
    public static string SpecHash(TaskInvocation invocation, string hostDataRoot, string user)
    {
        var identity = JsonSerializer.Serialize(new
        {
            invocation.Image,
            invocation.Arguments,
            Environment = invocation.Environment.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value}"),
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

    public static IReadOnlyList<string> Constraints(TaskInvocation invocation) =>
        invocation.Resources.Gpus > 0 && !invocation.Constraints.Contains(GpuConstraint)
            ? [.. invocation.Constraints, GpuConstraint]
            : invocation.Constraints;

    private static ResourceRequirements Resources(TaskResources resources)
    {
        var nanoCpus = resources.Cpus is { } cpus ? (long)(cpus * NanoCpusPerCpu) : 0;
        var memory = resources.MemoryBytes ?? 0;
        return new ResourceRequirements
        {
            Limits = new SwarmLimit { NanoCPUs = nanoCpus, MemoryBytes = memory, Pids = ContainerDefinition.PidsLimit },
            Reservations = new SwarmResources { NanoCPUs = nanoCpus, MemoryBytes = memory },
        };
    }
}
