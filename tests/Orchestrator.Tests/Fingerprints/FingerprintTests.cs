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
    private readonly Pipeline pipeline;

    public FingerprintTests()
    {
        File.WriteAllText(code.Combine(CodeFile), "build 1");
        executor = new FileWritingExecutor(dataRoot.Path);
        pipeline = StagedGraph.Pipeline(code.Path);
    }

    [Fact]
    public async Task Success_writes_the_fingerprint_into_the_flag_and_a_manifest_for_a_single_file_output()
    {
        var run = await RunAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        using var flag = JsonDocument.Parse(File.ReadAllText(dataRoot.Combine(MakeFlag)));
        Assert.Equal(DefaultRows, flag.RootElement.GetProperty("parameters").GetProperty("rows").GetString());
        Assert.Equal("code", flag.RootElement.GetProperty("code").GetProperty("kind").GetString());
        Assert.Equal(64, flag.RootElement.GetProperty("code").GetProperty("files").GetProperty(CodeFile).GetString()!.Length);
        Assert.Equal(64, flag.RootElement.GetProperty("outputs").GetProperty(Made).GetString()!.Length);
        using var manifest = JsonDocument.Parse(File.ReadAllText(dataRoot.Combine(UseFingerprint)));
        Assert.Equal(64, manifest.RootElement.GetProperty("inputs").GetProperty(Made).GetString()!.Length);
        Assert.True(manifest.RootElement.GetProperty("outputs").TryGetProperty(Used, out _));
        Assert.Equal("Use of [Make of [1,2]]", File.ReadAllText(dataRoot.Combine(Used)));
        Assert.False(Directory.Exists(dataRoot.Combine(".orchestrator", "staging", "Make")));
    }

    [Fact]
    public async Task Rerun_of_an_unchanged_pipeline_finds_every_fingerprint_matching()
    {
        await RunAsync();

        var status = await StatusAsync();
        var rerun = await RunAsync();

        Assert.Contains("Make Complete fingerprint matches", Collapsed(status));
        Assert.Contains("Use Complete fingerprint matches", Collapsed(status));
        Assert.Equal("summary: 0 ran, 2 already complete, 0 failed", rerun.LastLine);
    }

    [Fact]
    public async Task Upstream_rerun_with_other_output_makes_the_reader_stale_naming_the_input()
    {
        await RunAsync();
        await StagedGraph.RunAsync(pipeline, executor, "run", "Make", "--data-root", dataRoot.Path, "-p", "rows=3,4");

        var status = await StatusAsync();
        var rerun = await RunAsync();

        Assert.Contains("Make Complete fingerprint matches", Collapsed(status));
        Assert.Contains("Use Pending stale: input interim/made.csv changed", Collapsed(status));
        Assert.Equal(["Make", "Use", "Make", "Use"], executor.Ran);
        Assert.Equal("summary: 1 ran, 1 already complete, 0 failed", rerun.LastLine);
        Assert.Equal("Use of [Make of [3,4]]", File.ReadAllText(dataRoot.Combine(Used)));
    }

    [Fact]
    public async Task Hand_edited_output_makes_its_own_task_stale_and_reruns_it_and_everything_downstream()
    {
        await RunAsync();
        File.WriteAllText(dataRoot.Combine(Made), "edited by hand");

        var status = await StatusAsync();
        await RunAsync();

        Assert.Contains("Make Pending stale: output interim/made.csv changed since it was written", Collapsed(status));
        Assert.Contains("Use Pending upstream Make will run", Collapsed(status));
        Assert.Equal(["Make", "Use", "Make", "Use"], executor.Ran);
        Assert.Equal("Make of [1,2]", File.ReadAllText(dataRoot.Combine(Made)));
    }

    [Fact]
    public async Task Edit_that_keeps_size_and_time_is_seen_only_with_verify()
    {
        await RunAsync();
        var made = dataRoot.Combine(Made);
        var modified = File.GetLastWriteTimeUtc(made);
        File.WriteAllText(made, File.ReadAllText(made).ToUpperInvariant());
        File.SetLastWriteTimeUtc(made, modified);

        var status = await StatusAsync();
        var verified = await StatusAsync("--verify");

        Assert.Contains("Make Complete fingerprint matches", Collapsed(status));
        Assert.Contains("Make Pending stale: output interim/made.csv changed since it was written", Collapsed(verified));
    }

    [Fact]
    public async Task Touching_a_file_without_changing_its_content_keeps_everything_complete()
    {
        await RunAsync();
        File.SetLastWriteTimeUtc(dataRoot.Combine(Made), new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        File.SetLastWriteTimeUtc(dataRoot.Combine(Used), new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        var rerun = await RunAsync();

        Assert.Equal("summary: 0 ran, 2 already complete, 0 failed", rerun.LastLine);
    }

    [Fact]
    public async Task Changed_parameter_makes_the_task_stale_naming_the_parameter()
    {
        await RunAsync();

        var preview = await RunAsync("--dry-run", "-p", "rows=5,6");

        Assert.Contains("Make Pending stale: parameter rows changed", Collapsed(preview));
        Assert.Contains("Use Pending upstream Make will run", Collapsed(preview));
        Assert.Equal("plan: 2 to run, 0 complete", preview.LastLine);
    }

    [Fact]
    public async Task Parameter_given_once_is_remembered_for_the_data_root_until_given_again()
    {
        await RunAsync("-p", "rows=5,6");

        var status = await StatusAsync();
        var back = await RunAsync("-p", $"rows={DefaultRows}");
        var afterBack = await StatusAsync();

        Assert.Contains("rows 5,6 (remembered from an earlier run)", Collapsed(status));
        Assert.Contains("Make Complete fingerprint matches", Collapsed(status));
        Assert.Equal("summary: 2 ran, 0 already complete, 0 failed", back.LastLine);
        Assert.Contains($"rows {DefaultRows} (default)", Collapsed(afterBack));
    }

    [Fact]
    public async Task Changed_code_file_makes_its_task_stale_naming_the_file()
    {
        await RunAsync();
        File.WriteAllText(code.Combine(CodeFile), "build 2");

        var status = await StatusAsync();

        Assert.Contains($"Make Pending stale: code file {CodeFile} changed", Collapsed(status));
    }

    [Fact]
    public async Task Empty_legacy_flag_is_stale_and_accepted_only_with_existence_only()
    {
        await RunAsync();
        File.WriteAllText(dataRoot.Combine(MakeFlag), string.Empty);

        var status = await StatusAsync();
        var existenceOnly = await StatusAsync("--existence-only");

        Assert.Contains($"Make Pending stale: flag {MakeFlag} is empty (not written by the orchestrator); --existence-only accepts it", Collapsed(status));
        Assert.Contains("Make Complete outputs present", Collapsed(existenceOnly));
    }

    [Fact]
    public async Task Output_without_a_fingerprint_is_stale()
    {
        await RunAsync();
        File.Delete(dataRoot.Combine(UseFingerprint));

        var status = await StatusAsync();
        var rerun = await RunAsync();

        Assert.Contains($"Use Pending stale: no fingerprint recorded in {UseFingerprint}", Collapsed(status));
        Assert.Equal("summary: 1 ran, 1 already complete, 0 failed", rerun.LastLine);
    }

    [Fact]
    public async Task Existence_only_ignores_fingerprints_as_Luigi_does()
    {
        await RunAsync();
        File.WriteAllText(dataRoot.Combine(Used), "changed");
        File.WriteAllText(code.Combine(CodeFile), "build 2");

        var status = await StatusAsync("--existence-only");
        var rerun = await RunAsync("--existence-only", "-p", "rows=7,8");

        Assert.Contains("Make Complete outputs present", Collapsed(status));
        Assert.Contains("Use Complete outputs present", Collapsed(status));
        Assert.Equal("summary: 0 ran, 2 already complete, 0 failed", rerun.LastLine);
        Assert.Equal(["Make", "Use"], executor.Ran);
    }

    [Fact]
    public async Task Failed_step_promotes_nothing_and_its_staging_folder_is_kept_under_failed_run_task()
    {
        var failing = new FileWritingExecutor(dataRoot.Path) { ExitCodeOf = invocation => invocation.TaskId == "Make" ? 1 : 0 };

        var run = await StagedGraph.RunAsync(pipeline, failing, "run", "Use", "--data-root", dataRoot.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.False(File.Exists(dataRoot.Combine(Made)));
        Assert.False(File.Exists(dataRoot.Combine(MakeFlag)));
        var runId = failing.Invocations.Single().RunId;
        Assert.Equal("Make of [1,2]", File.ReadAllText(dataRoot.Combine(".orchestrator", "failed", runId, "Make", "made.csv")));
        Assert.False(Directory.Exists(dataRoot.Combine(".orchestrator", "staging", "Make")));
    }

    [Fact]
    public async Task Step_that_succeeds_without_writing_a_declared_output_fails_and_promotes_nothing()
    {
        var broken = new FileWritingExecutor(dataRoot.Path) { Skips = invocation => invocation.TaskId == "Make" };

        var run = await StagedGraph.RunAsync(pipeline, broken, "run", "Use", "--data-root", dataRoot.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("task Make failed: exited 0 but did not write interim/made.csv (into .orchestrator/staging/Make/); nothing was promoted", run.Error);
        Assert.False(File.Exists(dataRoot.Combine(MakeFlag)));
        Assert.Equal(["Make"], broken.Ran);
    }

    [Fact]
    public async Task Failed_rerun_of_a_stale_task_keeps_its_last_good_outputs_and_it_stays_stale()
    {
        await RunAsync();
        var failing = new FileWritingExecutor(dataRoot.Path) { ExitCodeOf = _ => 1 };

        var run = await StagedGraph.RunAsync(pipeline, failing, "run", "Use", "--data-root", dataRoot.Path, "-p", "rows=9,9");
        var status = await StatusAsync();

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("Make of [1,2]", File.ReadAllText(dataRoot.Combine(Made)));
        Assert.Contains("Make Pending stale: parameter rows changed", Collapsed(status));
    }

    public void Dispose()
    {
        dataRoot.Dispose();
        code.Dispose();
    }

    /// <summary>The output with column padding collapsed, so assertions do not depend on table widths.</summary>
    private static string Collapsed(CliResult result) => Regex.Replace(result.Out, " {2,}", " ");

    private Task<CliResult> RunAsync(params string[] extra) =>
        StagedGraph.RunAsync(pipeline, executor, ["run", "Use", "--data-root", dataRoot.Path, .. extra]);

    private Task<CliResult> StatusAsync(params string[] extra) =>
        StagedGraph.RunAsync(pipeline, executor, ["status", "--data-root", dataRoot.Path, .. extra]);
}
