using System.Text.Json;
using System.Text.RegularExpressions;
using Orchestrator.Tests.Support;
using static Orchestrator.Tests.Support.StagedGraph;

namespace Orchestrator.Tests.Fingerprints;

public sealed class FingerprintTests : IDisposable
{
    private readonly TempDirectory dataRoot = new();
    private readonly TempDirectory code = new();
    private readonly FileWritingExecutor executor;

    public FingerprintTests()
    {
        File.WriteAllText(code.Combine("make.dll"), "build 1");
        executor = new FileWritingExecutor(dataRoot.Path) { CodeFile = code.Combine("make.dll") };
        Directory.CreateDirectory(dataRoot.Combine("raw"));
        File.WriteAllText(dataRoot.Combine(RawInput), "a,b\n1,2\n");
    }

    [Fact]
    public async Task Success_writes_the_fingerprint_into_the_flag_and_a_manifest_for_a_single_file_output()
    {
        var run = await RunAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        using var flag = JsonDocument.Parse(File.ReadAllText(dataRoot.Combine(MakeFlag)));
        Assert.Equal("sample://wine-reviews?rows=10000&seed=42", flag.RootElement.GetProperty("parameters").GetProperty("dataset-url").GetString());
        Assert.Equal("step", flag.RootElement.GetProperty("code").GetProperty("kind").GetString());
        Assert.Equal(64, flag.RootElement.GetProperty("inputs").GetProperty(RawInput).GetString()!.Length);
        Assert.Equal(64, flag.RootElement.GetProperty("outputs").GetProperty(Made).GetString()!.Length);
        using var manifest = JsonDocument.Parse(File.ReadAllText(dataRoot.Combine(".orchestrator", "fingerprints", "Use.json")));
        Assert.True(manifest.RootElement.GetProperty("outputs").TryGetProperty(Used, out _));
        Assert.Equal("Use of [Make of [a,b\n1,2\n]]", File.ReadAllText(dataRoot.Combine(Used)));
        Assert.False(Directory.Exists(dataRoot.Combine(".orchestrator", "staging", "Make")));
    }

    [Fact]
    public async Task Changed_input_content_makes_the_reader_stale_and_reruns_it_and_everything_downstream()
    {
        await RunAsync();
        File.WriteAllText(dataRoot.Combine(RawInput), "a,b\n3,4\n");

        var status = await StatusAsync();
        var rerun = await RunAsync();

        Assert.Contains("Make Pending stale: input raw/in.csv changed", Collapsed(status));
        Assert.Contains("Use Pending upstream Make will run", Collapsed(status));
        Assert.Equal(["Make", "Use", "Make", "Use"], executor.Ran);
        Assert.Equal("summary: 2 ran, 0 already complete, 0 failed", rerun.LastLine);
        Assert.Equal("Use of [Make of [a,b\n3,4\n]]", File.ReadAllText(dataRoot.Combine(Used)));
    }

    [Fact]
    public async Task Hand_edited_intermediate_file_makes_only_its_readers_stale()
    {
        await RunAsync();
        File.WriteAllText(dataRoot.Combine(Made), "edited by hand");

        var status = await StatusAsync();
        await RunAsync();

        Assert.Contains("Make Complete outputs present", Collapsed(status));
        Assert.Contains("Use Pending stale: input interim/made.csv changed", Collapsed(status));
        Assert.Equal(["Make", "Use", "Use"], executor.Ran);
    }

    [Fact]
    public async Task Touching_a_file_without_changing_its_content_keeps_everything_complete()
    {
        await RunAsync();
        File.SetLastWriteTimeUtc(dataRoot.Combine(RawInput), new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        File.SetLastWriteTimeUtc(dataRoot.Combine(Made), new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        var rerun = await RunAsync();

        Assert.Equal("summary: 0 ran, 2 already complete, 0 failed", rerun.LastLine);
    }

    [Fact]
    public async Task Changed_dataset_url_makes_the_task_stale_naming_the_parameter()
    {
        await RunAsync();

        var preview = await RunAsync("--dry-run", "--dataset-url", "sample://wine-reviews?rows=500&seed=1");

        Assert.Contains("Make Pending stale: parameter dataset-url changed", Collapsed(preview));
    }

    [Fact]
    public async Task Rebuilt_step_program_makes_its_tasks_stale()
    {
        await RunAsync();
        File.WriteAllText(code.Combine("make.dll"), "build 2");

        var status = await StatusAsync();

        Assert.Contains("Make Pending stale: step make rebuilt", Collapsed(status));
    }

    [Fact]
    public async Task Empty_legacy_flag_and_manifestless_output_count_as_complete_with_unknown_fingerprint()
    {
        await RunAsync();
        File.WriteAllText(dataRoot.Combine(MakeFlag), string.Empty);
        File.Delete(dataRoot.Combine(".orchestrator", "fingerprints", "Use.json"));

        var rerun = await RunAsync();

        Assert.Contains("Make Complete outputs present; fingerprint unknown", Collapsed(rerun));
        Assert.Contains("Use Complete outputs present; fingerprint unknown", Collapsed(rerun));
        Assert.Equal("summary: 0 ran, 2 already complete, 0 failed", rerun.LastLine);
    }

    [Fact]
    public async Task Existence_only_ignores_fingerprints_as_Luigi_does()
    {
        await RunAsync();
        File.WriteAllText(dataRoot.Combine(RawInput), "changed");
        File.Delete(dataRoot.Combine(Made));

        var status = await StatusAsync("--existence-only");
        var rerun = await RunAsync("--existence-only");

        Assert.Contains("Make Complete outputs present", Collapsed(status));
        Assert.Equal("summary: 0 ran, 2 already complete, 0 failed", rerun.LastLine);
        Assert.Equal(["Make", "Use"], executor.Ran);
    }

    [Fact]
    public async Task Failed_step_promotes_nothing_and_its_staging_folder_is_kept_under_failed_run_task()
    {
        var failing = new FileWritingExecutor(dataRoot.Path) { ExitCodeOf = invocation => invocation.TaskId == "Make" ? 1 : 0 };

        var run = await StagedGraph.RunAsync(failing, "run", "Use", "--data-root", dataRoot.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.False(File.Exists(dataRoot.Combine(Made)));
        Assert.False(File.Exists(dataRoot.Combine(MakeFlag)));
        var runId = failing.Invocations.Single().RunId;
        Assert.Equal("Make of [a,b\n1,2\n]", File.ReadAllText(dataRoot.Combine(".orchestrator", "failed", runId, "Make", "made.csv")));
        Assert.False(Directory.Exists(dataRoot.Combine(".orchestrator", "staging", "Make")));
    }

    [Fact]
    public async Task Step_that_succeeds_without_writing_a_declared_output_fails_and_promotes_nothing()
    {
        var broken = new FileWritingExecutor(dataRoot.Path) { Skips = invocation => invocation.TaskId == "Make" };

        var run = await StagedGraph.RunAsync(broken, "run", "Use", "--data-root", dataRoot.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("step make exited 0 but did not write interim/made.csv; nothing was promoted", run.Error);
        Assert.False(File.Exists(dataRoot.Combine(MakeFlag)));
    }

    [Fact]
    public async Task Rerunning_a_stale_task_removes_its_flag_first_so_a_failure_leaves_it_missing()
    {
        await RunAsync();
        File.WriteAllText(dataRoot.Combine(RawInput), "changed");
        var failing = new FileWritingExecutor(dataRoot.Path) { ExitCodeOf = _ => 1 };

        await StagedGraph.RunAsync(failing, "run", "Use", "--data-root", dataRoot.Path);
        var status = await StatusAsync();

        Assert.Contains("Make Pending output interim/.SUCCESS_Make missing", Collapsed(status));
    }

    public void Dispose()
    {
        dataRoot.Dispose();
        code.Dispose();
    }

    /// <summary>The output with column padding collapsed, so assertions do not depend on table widths.</summary>
    private static string Collapsed(CliResult result) => Regex.Replace(result.Out, " {2,}", " ");

    private Task<CliResult> RunAsync(params string[] extra) =>
        StagedGraph.RunAsync(executor, ["run", "Use", "--data-root", dataRoot.Path, .. extra]);

    private Task<CliResult> StatusAsync(params string[] extra) =>
        StagedGraph.RunAsync(executor, ["status", "--data-root", dataRoot.Path, .. extra]);
}
