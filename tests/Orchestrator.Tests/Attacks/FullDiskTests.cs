using Orchestrator.Tests.Examples;

namespace Orchestrator.Tests.Attacks;

/// <summary>
/// The data root on a small tmpfs that fills up: outputs, fingerprints, logs, the history and the hash
/// cache cannot be written. Each run fails or warns in one line, never with a stack trace, and nothing
/// half-written passes as complete.
/// </summary>
[Trait("Category", "Attack")]
public sealed class FullDiskTests
{
    // Generate writes its output, then fills the disk (its process record was written before it started), so its promotion
    // finds the disk full. The page its process record frees when it ends would hold a small fingerprint; the padding makes
    // the fingerprint need two.
    private const string FillingPipeline = """
        name: filling
        parameters:
          filler: { default: "none" }
          padding: { default: "none" }
        tasks:
          Generate:
            image: busybox
            args: [sh, -c, ": ${padding}; seq 1 100 > ${out}/all.txt; if [ ${filler} != none ]; then cat /dev/zero > ${filler} 2>/dev/null; fi; true"]
            retry: { infrastructure: 0 }
            output-dir: numbers
            outputs: { all: all.txt }
          Count:
            image: busybox
            args: [sh, -c, "wc -l < ${Generate.all} > ${out}/count.txt"]
            output-dir: numbers
            outputs: { count: count.txt }
        """;

    [Fact]
    public async Task Disk_filling_up_during_a_task_fails_it_in_one_line_leaves_it_incomplete_and_a_rerun_after_freeing_space_completes()
    {
        await using var disk = await Tmpfs.MountAsync(512);
        var pipeline = disk.Combine("filling.yaml");
        File.WriteAllText(pipeline, FillingPipeline);
        var dataRoot = disk.Combine("data");
        var filler = disk.Combine("filler");
        string[] run = ["run", "-f", pipeline, "--executor", "process", "--data-root", dataRoot];

        var full = await NumbersPipeline.ProgramAsync([.. run, "-p", $"filler={filler}", "-p", $"padding={new string('x', 6000)}"]);
        var status = await NumbersPipeline.ProgramAsync(["status", "-f", pipeline, "--data-root", dataRoot]);
        var history = await NumbersPipeline.ProgramAsync(["history", "-f", pipeline, "--data-root", dataRoot]);

        Assert.True(full.ExitCode == 1, full.ToString());
        Assert.Equal("summary: 0 ran, 0 already complete, 1 failed", full.LastLine);
        Assert.Contains(Lines(full.Out), line => line.StartsWith("<== Generate failed at ", StringComparison.Ordinal)
            && line.Contains("exited 0 but its outputs could not be promoted: No space left on device", StringComparison.Ordinal));
        NoStackTrace(full);
        Assert.False(File.Exists(Path.Combine(dataRoot, ".orchestrator", "fingerprints", "Generate.json")));
        Assert.Empty(Directory.EnumerateFiles(dataRoot, "*.partial-*", SearchOption.AllDirectories));
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Empty(NumbersPipeline.Complete(new(status.ExitCode, status.Out, status.Error)));
        Assert.Contains(Lines(status.Out), line => line.StartsWith("Generate  Pending", StringComparison.Ordinal));
        NoStackTrace(status);
        Assert.True(history.ExitCode == 0, history.ToString());
        NoStackTrace(history);

        File.Delete(filler);
        var rerun = await NumbersPipeline.ProgramAsync([.. run, "-p", "filler=none", "-p", "padding=none"]);

        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Equal("summary: 2 ran, 0 already complete, 0 failed", rerun.LastLine);
        Assert.Equal(string.Join("", Enumerable.Range(1, 100).Select(n => $"{n}\n")), File.ReadAllText(Path.Combine(dataRoot, "numbers", "all.txt")));
        Assert.Equal("100", File.ReadAllText(Path.Combine(dataRoot, "numbers", "count.txt")).Trim());
    }

    [Fact]
    public async Task Full_disk_before_a_run_stops_it_in_one_line_with_outputs_untouched_and_status_and_history_still_answer()
    {
        await using var disk = await Tmpfs.MountAsync(512);
        var dataRoot = disk.Combine("data");
        var first = await NumbersPipeline.InProcessAsync(NumbersPipeline.RunArguments(dataRoot, "100"));
        Assert.True(first.ExitCode == 0, first.ToString());
        var before = NumbersPipeline.Results(dataRoot);
        disk.Fill("filler");

        var full = await NumbersPipeline.ProgramAsync(NumbersPipeline.RunArguments(dataRoot, "200"));
        var status = await NumbersPipeline.ProgramAsync(NumbersPipeline.StatusArguments(dataRoot, "100"));
        var history = await NumbersPipeline.ProgramAsync(["history", "-f", NumbersPipeline.File, "--data-root", dataRoot]);

        Assert.True(full.ExitCode == 1, full.ToString());
        var error = Assert.Single(Lines(full.Error));
        Assert.StartsWith("orchestrator: error: No space left on device : ", error);
        Assert.EndsWith("; free space on that disk, then retry", error);
        Assert.Equal(before, NumbersPipeline.Results(dataRoot));
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Equal(NumbersPipeline.Tasks, NumbersPipeline.Complete(new(status.ExitCode, status.Out, status.Error)));
        Assert.Equal(string.Empty, status.Error);
        Assert.True(history.ExitCode == 0, history.ToString());
        Assert.Contains(Lines(history.Out), line => line.Contains("succeeded", StringComparison.Ordinal));
        Assert.Equal(string.Empty, history.Error);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static void NoStackTrace(ProgramResult result)
    {
        Assert.DoesNotContain(Lines(result.Out + result.Error), line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        Assert.DoesNotContain("unexpected error", result.Error);
    }
}
