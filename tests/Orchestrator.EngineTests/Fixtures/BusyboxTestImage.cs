using System.Formats.Tar;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Orchestrator.EngineTests.Fixtures;

/// <summary>
/// A tiny image for engine tests, made without a registry: the host's static busybox
/// (Debian package busybox-static) imported as a one-directory root filesystem.
/// </summary>
internal static class BusyboxTestImage
{
    public const string Repository = "wine-test/busybox";
    public const string Version = "1";
    public const string Name = $"{Repository}:{Version}";

    private const string HostBusybox = "/bin/busybox";

    private static readonly string[] Applets = ["sh", "echo", "printf", "sleep", "id", "touch", "mkdir", "true", "cat", "head", "tr"];

    public static async Task EnsureAsync(DockerClient client)
    {
        if (await ExistsAsync(client))
        {
            return;
        }

        if (!File.Exists(HostBusybox))
        {
            throw new InvalidOperationException($"{HostBusybox} is missing; install it with: apt-get install -y busybox-static");
        }

        using var rootFilesystem = await RootFilesystemAsync();
        var messages = new List<string>();
        await client.Images.CreateImageAsync(
            new ImagesCreateParameters { FromSrc = "-", Repo = Repository, Tag = Version, Changes = ["ENV PATH=/bin"] },
            rootFilesystem,
            null,
            new Progress<JSONMessage>(message => messages.Add(message.ErrorMessage ?? message.Status ?? "")));
        if (!await ExistsAsync(client))
        {
            throw new InvalidOperationException($"importing {Name} failed: {string.Join("; ", messages)}");
        }
    }

    private static async Task<bool> ExistsAsync(DockerClient client)
    {
        try
        {
            await client.Images.InspectImageAsync(Name);
            return true;
        }
        catch (DockerImageNotFoundException)
        {
            return false;
        }
    }

    private static async Task<MemoryStream> RootFilesystemAsync()
    {
        var tar = new MemoryStream();
        await using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.Directory, "bin/") { Mode = ReadableByAll | UnixFileMode.UserWrite });
            await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.Directory, "tmp/") { Mode = OpenToAll | UnixFileMode.StickyBit });
            await writer.WriteEntryAsync(HostBusybox, "bin/busybox");
            foreach (var applet in Applets)
            {
                await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.SymbolicLink, $"bin/{applet}") { LinkName = "busybox" });
            }
        }

        tar.Position = 0;
        return tar;
    }

    private const UnixFileMode ReadableByAll =
        UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private const UnixFileMode OpenToAll = ReadableByAll | UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;
}
