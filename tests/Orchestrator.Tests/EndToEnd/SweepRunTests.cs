using Orchestrator.Tests.Support;

namespace Orchestrator.Tests.EndToEnd;

/// <summary>A sweep and its join run for real as local processes (sh, seq), from a pipeline file.</summary>
public sealed class SweepRunTests : IDisposable
{
    // Count[n=2] fails while the file "broken" exists; Pick records the files it was given and the variants named as failed.
    private const string Sweep = """
        name: sweep
        parameters:
          sizes: "1,2,3"
          broken: ""
        tasks:
          Count:
            matrix: { n: ["${sizes}"] }
            args: [sh, -c, "if [ ${n} = 2 ] && [ -e ${broken} ]; then echo 'two is broken' >&2; exit 3; fi; seq ${n} > ${out}/count.txt"]
            output-dir: counts
            outputs: { count: count.txt }
          Pick:
            join: true
            args: [sh, -c, "echo \"$$*\" > ${out}/given.txt; echo \"$$ORCHESTRATOR_FAILED_VARIANTS\" > ${out}/failed.txt", pick, "${Count[*].count}"]
            output-dir: pick
            outputs: { given: given.txt, failed: failed.txt }
        """;

    private readonly TempDirectory directory = new();

    private string DataRoot => directory.Combine("data");

    private string Broken => directory.Combine("broken");

    [Fact]
    public async Task A_join_runs_on_the_variants_that_succeeded_and_is_told_which_failed()
    {
        File.WriteAllText(Broken, "");

        var run = await RunAsync();

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("summary: 3 ran, 0 already complete, 1 failed", run.LastLine);
        Assert.Equal($"{Count("n=1")} {Count("n=3")}\n", File.ReadAllText(Path.Combine(DataRoot, "pick", "given.txt")));
        Assert.Equal("Count[n=2]\n", File.ReadAllText(Path.Combine(DataRoot, "pick", "failed.txt")));
        Assert.False(Directory.Exists(Path.Combine(DataRoot, "counts", "n=2")), "the failed variant left no output folder");
    }

    [Fact]
    public async Task A_wider_grid_runs_only_its_new_variants_and_the_join_and_the_same_grid_runs_nothing()
    {
        var narrow = await RunAsync("-p", "sizes=1,3");
        var wider = await RunAsync("-p", "sizes=1,3,4");
        var same = await RunAsync("-p", "sizes=1,3,4");

        Assert.True(narrow.ExitCode == 0, narrow.ToString());
        Assert.Equal("summary: 3 ran, 0 already complete, 0 failed", narrow.LastLine);
        Assert.True(wider.ExitCode == 0, wider.ToString());
        Assert.Equal(["Count[n=4]", "Pick"], Started(wider));
        Assert.Equal("summary: 2 ran, 2 already complete, 0 failed", wider.LastLine);
        Assert.Equal($"{Count("n=1")} {Count("n=3")} {Count("n=4")}\n", File.ReadAllText(Path.Combine(DataRoot, "pick", "given.txt")));
        Assert.Equal("summary: 0 ran, 4 already complete, 0 failed", same.LastLine);
    }

    [Fact]
    public async Task After_a_variant_failed_a_rerun_runs_that_variant_and_the_join_again()
    {
        File.WriteAllText(Broken, "");
        await RunAsync();
        File.Delete(Broken);

        var mended = await RunAsync();

        Assert.True(mended.ExitCode == 0, mended.ToString());
        Assert.Equal(["Count[n=2]", "Pick"], Started(mended));
        Assert.Equal("\n", File.ReadAllText(Path.Combine(DataRoot, "pick", "failed.txt")));
    }

    public void Dispose() => directory.Dispose();

    private string Count(string variant) => Path.Combine(DataRoot, "counts", variant, "count.txt");

    private static IEnumerable<string> Started(CliResult run) =>
        run.OutLines.Where(line => line.StartsWith("==> ", StringComparison.Ordinal)).Select(line => line.Split(' ')[1]);

    private async Task<CliResult> RunAsync(params string[] parameters)
    {
        var file = directory.Combine("sweep.yaml");
        await File.WriteAllTextAsync(file, Sweep);
        return await CliRunner.RunAsync(["run", "-f", file, "--executor", "process", "--data-root", DataRoot, "-p", $"broken={Broken}", .. parameters]);
    }
}
