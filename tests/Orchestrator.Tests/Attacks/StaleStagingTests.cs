using Orchestrator.Tests.Support;

namespace Orchestrator.Tests.Attacks;

/// <summary>A killed run left a declared output in a task's staging folder; the next attempt, which does not write it, must not promote it.</summary>
[Trait("Category", "Attack")]
public sealed class StaleStagingTests : IDisposable
{
    private const string Pipeline = """
        name: stale
        tasks:
          Pair:
            image: unused
            args: [sh, -c, "echo fresh > ${out}/first.txt"]
            output-dir: pair
            outputs: { first: first.txt, second: second.txt }
        """;

    private readonly TempDirectory temp = new();

    [Fact]
    public async Task An_output_left_in_staging_by_a_killed_run_is_not_promoted_by_an_attempt_that_did_not_write_it()
    {
        var pipeline = temp.Combine("stale.yaml");
        File.WriteAllText(pipeline, Pipeline);
        var dataRoot = temp.Combine("data");
        var staging = Path.Combine(dataRoot, ".orchestrator", "staging", "Pair");
        Directory.CreateDirectory(staging);
        File.WriteAllText(Path.Combine(staging, "second.txt"), "left by a killed run");

        var run = await CliRunner.RunAsync(["run", "-f", pipeline, "--executor", "process", "--data-root", dataRoot]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("summary: 0 ran, 0 already complete, 1 failed", run.LastLine);
        Assert.Contains("exited 0 but did not write pair/second.txt (into .orchestrator/staging/Pair/); nothing was promoted", run.Out);
        Assert.False(Directory.Exists(Path.Combine(dataRoot, "pair")));
        Assert.False(File.Exists(Path.Combine(dataRoot, ".orchestrator", "fingerprints", "Pair.json")));
    }

    public void Dispose() => temp.Dispose();
}
