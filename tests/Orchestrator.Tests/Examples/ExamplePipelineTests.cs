using Orchestrator.Tests.Support;

namespace Orchestrator.Tests.Examples;

/// <summary>
/// The "numbers" example, a four-task pipeline with a fan-in and no wine in it, written once as a
/// pipeline file and once with the C# API; both run for real with the process executor (sh, seq, grep).
/// </summary>
public class ExamplePipelineTests
{
    private static readonly string PipelineFile = Path.Combine(ProgramRun.RepositoryRoot, "examples", "numbers", "pipeline.yaml");

    public static TheoryData<string> Forms => new() { "yaml", "csharp" };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task Runs_end_to_end_then_resumes_after_a_deleted_output_and_reports_a_changed_parameter(string form)
    {
        using var temp = new TempDirectory();
        var dataRoot = temp.Combine("data");

        var first = await RunAsync(form, "run", "--executor", "process", "--data-root", dataRoot);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal("summary: 4 ran, 0 already complete, 0 failed", first.LastLine);
        Assert.Equal("{\"evens\": 50, \"odds\": 50}", File.ReadAllText(Path.Combine(dataRoot, "report", "counts.json")).Trim());
        Assert.True(File.Exists(Path.Combine(dataRoot, "report", ".SUCCESS_Report")));

        var again = await RunAsync(form, "run", "--executor", "process", "--data-root", dataRoot);
        Assert.Equal("summary: 0 ran, 4 already complete, 0 failed", again.LastLine);

        File.Delete(Path.Combine(dataRoot, "numbers", "odds.txt"));
        var resumed = await RunAsync(form, "run", "--executor", "process", "--data-root", dataRoot);
        Assert.Equal("summary: 2 ran, 2 already complete, 0 failed", resumed.LastLine);

        var status = await RunAsync(form, "status", "-p", "count=10", "--data-root", dataRoot);
        Assert.Contains(status.Out.Split('\n'), line => line.StartsWith("Generate", StringComparison.Ordinal) && line.EndsWith("stale: parameter count changed", StringComparison.Ordinal));
        Assert.Contains(status.Out.Split('\n'), line => line.StartsWith("Report", StringComparison.Ordinal) && line.EndsWith("upstream Evens will run", StringComparison.Ordinal));

        var changed = await RunAsync(form, "run", "-p", "count=10", "--executor", "process", "--data-root", dataRoot);
        Assert.Equal("summary: 4 ran, 0 already complete, 0 failed", changed.LastLine);
        Assert.Equal("{\"evens\": 5, \"odds\": 5}", File.ReadAllText(Path.Combine(dataRoot, "report", "counts.json")).Trim());

        var remembered = await RunAsync(form, "status", "--data-root", dataRoot);
        Assert.Contains("count  10  (remembered from an earlier run)", remembered.Out);
        Assert.Equal("summary: 0 ran, 4 already complete, 0 failed", (await RunAsync(form, "run", "--executor", "process", "--data-root", dataRoot)).LastLine);

        var history = await RunAsync(form, "history", "--data-root", dataRoot);
        Assert.Contains("EVENS  ODDS", history.Out);
    }

    [Fact]
    public async Task The_two_forms_define_the_same_graph()
    {
        using var temp = new TempDirectory();
        var yaml = await RunAsync("yaml", "run", "--dry-run", "--data-root", temp.Path);
        var csharp = await RunAsync("csharp", "run", "--dry-run", "--data-root", temp.Path);

        Assert.Equal(yaml.Out, csharp.Out);
        Assert.Equal("plan: 4 to run, 0 complete", yaml.LastLine);
    }

    private static Task<ProgramResult> RunAsync(string form, params string[] arguments) =>
        form == "yaml"
            ? ProgramRun.DotnetAsync("orchestrator.dll", [arguments[0], "-f", PipelineFile, .. arguments[1..]], ProgramRun.RepositoryRoot)
            : ProgramRun.DotnetAsync("numbers.dll", arguments, Path.GetDirectoryName(PipelineFile)!);
}
