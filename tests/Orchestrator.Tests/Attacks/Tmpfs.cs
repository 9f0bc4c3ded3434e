using Orchestrator.Tests.Examples;
using Orchestrator.Tests.Support;

namespace Orchestrator.Tests.Attacks;

/// <summary>A small tmpfs mounted on a temp folder (needs root), to make a disk that is full.</summary>
internal sealed class Tmpfs : IAsyncDisposable
{
    private readonly TempDirectory folder = new();

    private Tmpfs()
    {
    }

    public string Path => folder.Path;

    public static async Task<Tmpfs> MountAsync(int kibibytes)
    {
        var tmpfs = new Tmpfs();
        var mount = await ProgramRun.RunAsync("mount", ["-t", "tmpfs", "-o", $"size={kibibytes}k,mode=0755", "tmpfs", tmpfs.Path], "/");
        return mount.ExitCode == 0 ? tmpfs : throw new InvalidOperationException($"cannot mount a tmpfs (the attack tests run as root): {mount}");
    }

    public string Combine(params string[] parts) => folder.Combine(parts);

    /// <summary>Writes <paramref name="name"/> until the disk is full.</summary>
    public void Fill(string name)
    {
        using var filler = File.Create(Combine(name));
        var block = new byte[64 * 1024];
        try
        {
            while (true)
            {
                filler.Write(block);
                filler.Flush();
            }
        }
        catch (IOException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ProgramRun.RunAsync("umount", ["--lazy", Path], "/");
        folder.Dispose();
    }
}
