using System.Diagnostics;
using Orchestrator.Tests.Examples;
using Orchestrator.Tests.Support;

namespace Orchestrator.Tests.Attacks;

/// <summary>
/// A local unprivileged user (uid 65534, through setpriv) against a data root root ran a pipeline in:
/// they may read the outputs but not write them or the flags, neither read nor write the orchestrator's
/// state, nor swap a log for a symlink, and a process record they forged makes no run kill the process it names.
/// </summary>
[Trait("Category", "Attack")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class UnprivilegedUserTests : IDisposable
{
    private const string Nobody = "65534";

    private readonly TempDirectory temp = new();

    public UnprivilegedUserTests() =>
        File.SetUnixFileMode(temp.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

    private string DataRoot => temp.Combine("data");

    [Fact]
    public async Task After_a_root_run_nobody_can_write_state_outputs_flags_or_logs_nor_read_state_and_nothing_is_world_writable()
    {
        await RunAsRootAsync();
        var log = Directory.GetFiles(Path.Combine(DataRoot, ".orchestrator", "logs"), "Generate.0.log", SearchOption.AllDirectories).Single();
        var control = temp.Combine("open-to-all");
        Directory.CreateDirectory(control);
        File.SetUnixFileMode(control, (UnixFileMode)0x1FF);
        string[] folders = ["", ".orchestrator", ".orchestrator/fingerprints", ".orchestrator/processes", ".orchestrator/staging", ".orchestrator/logs", Path.GetRelativePath(DataRoot, Path.GetDirectoryName(log)!), "numbers", "report"];
        string[] files = ["numbers/all.txt", "report/counts.json", "report/.SUCCESS_Report", ".orchestrator/fingerprints/Generate.json", ".orchestrator/history.db", ".orchestrator/hash-cache.json"];
        string[] state = [".orchestrator/fingerprints/Generate.json", ".orchestrator/history.db", ".orchestrator/hash-cache.json", Path.GetRelativePath(DataRoot, log)];
        var before = NumbersPipeline.Results(DataRoot);
        var script = string.Join("\n", [
            "id -u",
            $"echo x > {control}/probe && echo WROTE control",
            $"cat '{Path.Combine(DataRoot, "numbers", "all.txt")}' > /dev/null && echo READ output",
            $"ls '{Path.Combine(DataRoot, ".orchestrator")}' > /dev/null 2>&1 && echo LISTED .orchestrator",
            .. state.Select(file => $"cat '{Path.Combine(DataRoot, file)}' > /dev/null 2>&1 && echo READ {file}"),
            .. folders.Select(folder => $"echo x > '{Path.Combine(DataRoot, folder, "forged")}' 2>/dev/null && echo WROTE {folder}/forged"),
            .. files.Select(file => $"echo x >> '{Path.Combine(DataRoot, file)}' 2>/dev/null && echo WROTE {file}"),
            .. files.Select(file => $"rm -f '{Path.Combine(DataRoot, file)}' 2>/dev/null && echo REMOVED {file}"),
            $"ln -sf /etc/shadow '{log}' 2>/dev/null && echo LINKED log",
            "true"]);

        var attempt = await AsNobodyAsync(script);

        Assert.Equal([Nobody, "WROTE control", "READ output"], attempt.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.All(state, file => Assert.True(File.Exists(Path.Combine(DataRoot, file)), $"{file} was not written, so its reading proves nothing"));
        Assert.Equal(before, NumbersPipeline.Results(DataRoot));
        Assert.True(File.Exists(log) && new FileInfo(log).LinkTarget is null);
        var writable = Directory.EnumerateFileSystemEntries(DataRoot, "*", SearchOption.AllDirectories).Prepend(DataRoot)
            .Where(path => new FileInfo(path).LinkTarget is null && (File.GetUnixFileMode(path) & UnixFileMode.OtherWrite) != 0);
        Assert.Empty(writable);
    }

    [Fact]
    public async Task A_process_record_forged_by_another_user_kills_nothing_while_the_orchestrators_own_record_is_acted_on()
    {
        await RunAsRootAsync();
        var record = Path.Combine(DataRoot, ".orchestrator", "processes", "Generate.token");
        var (victimToken, orphanToken) = (OrphanedSteps.NewToken(), OrphanedSteps.NewToken());
        using var victim = OrphanedSteps.Sleeping(victimToken);
        using var orphan = OrphanedSteps.Sleeping(orphanToken);

        // The token is right (say it leaked); only the record's owner betrays the forgery.
        File.WriteAllText(record, victimToken);
        File.SetUnixFileMode(record, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Posix.FileStat.ChangeOwner(record, 65534, 65534);
        File.Delete(Path.Combine(DataRoot, "numbers", "all.txt"));
        var forged = await NumbersPipeline.InProcessAsync(NumbersPipeline.RunArguments(DataRoot, "100"));

        Assert.True(forged.ExitCode == 0, forged.ToString());
        Assert.False(victim.HasExited, "the run killed the process a forged record named");
        Assert.DoesNotContain("stopping its step process", forged.Out);
        Assert.False(File.Exists(record));

        File.WriteAllText(record, orphanToken);
        File.SetUnixFileMode(record, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Delete(Path.Combine(DataRoot, "numbers", "all.txt"));
        var own = await NumbersPipeline.InProcessAsync(NumbersPipeline.RunArguments(DataRoot, "100"));

        Assert.True(own.ExitCode == 0, own.ToString());
        Assert.Contains($"--- Generate: stopping its step process {orphan.Id}, left running by an orchestrator that was killed", own.Out);
        Assert.True(orphan.WaitForExit(5000));
        victim.Kill();
    }

    public void Dispose() => temp.Dispose();

    private async Task RunAsRootAsync()
    {
        var run = await NumbersPipeline.InProcessAsync(NumbersPipeline.RunArguments(DataRoot, "100"));
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    private Task<ProgramResult> AsNobodyAsync(string script) =>
        ProgramRun.RunAsync("setpriv", [$"--reuid={Nobody}", $"--regid={Nobody}", "--clear-groups", "sh", "-c", script], temp.Path);
}
