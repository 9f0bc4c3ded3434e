using Orchestrator.Tests.Examples;

namespace Orchestrator.Tests.Attacks;

/// <summary>
/// rename-kill.c built with gcc into a temp folder: preloaded into a program, it kills the program with
/// SIGKILL just before its Nth rename(2), or logs every rename. Needs gcc (Debian's build-essential).
/// </summary>
internal sealed class RenameKillShim : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("rename-kill-").FullName;

    private RenameKillShim()
    {
    }

    public string Library => Path.Combine(folder, "rename-kill.so");

    public static async Task<RenameKillShim> BuildAsync()
    {
        var shim = new RenameKillShim();
        var source = Path.Combine(ProgramRun.RepositoryRoot, "tests", "Orchestrator.Tests", "Attacks", "rename-kill.c");
        var gcc = await ProgramRun.RunAsync("gcc", ["-shared", "-fPIC", "-O2", "-o", shim.Library, source, "-ldl"], shim.folder);
        return gcc.ExitCode == 0 ? shim : throw new InvalidOperationException($"cannot build the rename shim: {gcc}");
    }

    /// <summary>The environment that kills the program at its <paramref name="renameIndex"/>th rename (1-based).</summary>
    public Dictionary<string, string> KillAt(int renameIndex) =>
        new() { ["LD_PRELOAD"] = Library, ["RENAME_KILL_AT"] = renameIndex.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    /// <summary>The environment that appends every rename to <paramref name="log"/> as "from -> to".</summary>
    public Dictionary<string, string> LogTo(string log) => new() { ["LD_PRELOAD"] = Library, ["RENAME_LOG"] = log };

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
