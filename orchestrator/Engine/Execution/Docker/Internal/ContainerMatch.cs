using Docker.DotNet.Models;

namespace Orchestrator.Execution.Docker.Internal;

/// <summary>
/// Whether a container found under a task's name runs exactly what the task would run now. Its name
/// proves nothing: only a container with the same image id, command, mounts, environment, user,
/// network and privileges may be adopted by a restarted orchestrator.
/// </summary>
internal static class ContainerMatch
{
    /// <summary>Null when the found container runs what <paramref name="wanted"/> would; else what differs ("command").</summary>
    public static string? Difference(ContainerInspectResponse found, CreateContainerParameters wanted, ImageInspectResponse image)
    {
        (string What, string Found, string Wanted)[] aspects =
        [
            ("image", found.Image, image.ID),
            ("command", Words(found.Config.Entrypoint, found.Config.Cmd), Words(wanted.Entrypoint ?? image.Config.Entrypoint, wanted.Cmd)),
            ("mounts", Lines(found.Mounts.Select(Describe)), Lines(wanted.HostConfig.Mounts.Select(Describe))),
            ("environment", Lines(found.Config.Env), Lines(Environment(image.Config.Env, wanted.Env))),
            ("user", found.Config.User ?? "", wanted.User ?? ""),
            ("network", found.HostConfig.NetworkMode ?? "", wanted.HostConfig.NetworkMode ?? DefaultNetwork),
            ("privileges", Privileges(found.HostConfig), Privileges(wanted.HostConfig)),
        ];
        return aspects.FirstOrDefault(aspect => aspect.Found != aspect.Wanted).What;
    }

    /// <summary>What the engine records for a container created without a network mode.</summary>
    private const string DefaultNetwork = "default";

    private static string Words(IList<string>? entrypoint, IList<string>? cmd) =>
        string.Join('\0', (entrypoint ?? []).Append("--").Concat(cmd ?? []));

    private static string Lines(IEnumerable<string>? lines) => string.Join('\n', (lines ?? []).Order(StringComparer.Ordinal));

    private static string Describe(MountPoint mount) => $"{mount.Type} {mount.Source} {mount.Destination} {(mount.RW ? "rw" : "ro")}";

    private static string Describe(Mount mount) => $"{mount.Type} {mount.Source} {mount.Target} {(mount.ReadOnly ? "ro" : "rw")}";

    /// <summary>The image's variables with the container's own on top, as the engine sets them.</summary>
    private static IEnumerable<string> Environment(IList<string>? image, IList<string>? container)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in (image ?? []).Concat(container ?? []))
        {
            variables[variable.Split('=', 2)[0]] = variable;
        }

        return variables.Values;
    }

    private static string Privileges(HostConfig host) => string.Join(
        ' ',
        $"cap-drop={Lines(host.CapDrop)}",
        $"cap-add={Lines(host.CapAdd)}",
        $"security-opt={Lines(host.SecurityOpt)}",
        $"privileged={host.Privileged}",
        $"read-only={host.ReadonlyRootfs}",
        $"tmpfs={Lines(host.Tmpfs?.Select(entry => $"{entry.Key}:{entry.Value}"))}",
        $"pids-limit={host.PidsLimit}");
}
