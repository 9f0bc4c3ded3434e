using Orchestrator.Tests.Support;

namespace Orchestrator.Tests.Attacks;

/// <summary>
/// SIGKILL at every rename a run makes (the promotion of each output from staging, each fingerprint,
/// the hash cache, the bookkeeping), through an LD_PRELOAD shim on rename(2), on a data root holding an
/// older complete run with other parameters, so a half-done promotion would mix old and new files.
/// </summary>
[Trait("Category", "Attack")]
public sealed class PromotionKillTests : IDisposable
{
    private const int SigkillExitCode = 128 + 9;

    private readonly TempDirectory temp = new();

    [Fact]
    public async Task Kill_at_each_rename_leaves_nothing_complete_that_differs_and_the_rerun_equals_a_clean_run()
    {
        using var shim = await RenameKillShim.BuildAsync();
        var clean = temp.Combine("clean");
        Assert.Equal(0, (await NumbersPipeline.InProcessAsync(NumbersPipeline.RunArguments(clean, "100"))).ExitCode);
        var expected = NumbersPipeline.Results(clean);
        var older = temp.Combine("older");
        Assert.Equal(0, (await NumbersPipeline.InProcessAsync(NumbersPipeline.RunArguments(older, "10"))).ExitCode);
        var renames = await CountRenamesAsync(shim, older);
        Assert.True(renames >= 2 * NumbersPipeline.Tasks.Length, $"only {renames} renames in a run of four tasks");

        for (var index = 1; index <= renames; index++)
        {
            var dataRoot = temp.Combine($"killed-at-{index}");
            NumbersPipeline.Copy(older, dataRoot);

            var killed = await NumbersPipeline.ProgramAsync(OneAtATime(dataRoot), shim.KillAt(index));
            Assert.True(killed.ExitCode == SigkillExitCode, $"rename {index}: not killed\n{killed}");

            var status = await NumbersPipeline.InProcessAsync(NumbersPipeline.StatusArguments(dataRoot, "100"));
            Assert.True(status.ExitCode == 0, $"rename {index}: {status}");
            foreach (var task in NumbersPipeline.Complete(status))
            {
                foreach (var file in NumbersPipeline.FilesOf[task])
                {
                    Assert.True(
                        expected[file].AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(dataRoot, file))),
                        $"killed at rename {index}: {task} passes as complete but {file} differs from a clean run's\n{status}");
                }
            }

            var rerun = await NumbersPipeline.InProcessAsync(NumbersPipeline.RunArguments(dataRoot, "100"));
            Assert.True(rerun.ExitCode == 0, $"rename {index}: {rerun}");
            Assert.Equal($"summary: {4 - NumbersPipeline.Complete(status).Count()} ran, {NumbersPipeline.Complete(status).Count()} already complete, 0 failed", rerun.LastLine);
            var actual = NumbersPipeline.Results(dataRoot);
            Assert.Equal(expected.Keys, actual.Keys);
            Assert.All(expected, pair => Assert.True(pair.Value.AsSpan().SequenceEqual(actual[pair.Key]), $"killed at rename {index}: {pair.Key} differs after the rerun"));
            Assert.Empty(Directory.EnumerateFiles(dataRoot, "*.partial-*", SearchOption.AllDirectories));
        }
    }

    public void Dispose() => temp.Dispose();

    // One task at a time: with Evens and Odds in parallel, their hash cache saves may merge, and the count of renames varies.
    private static string[] OneAtATime(string dataRoot) => [.. NumbersPipeline.RunArguments(dataRoot, "100"), "--workers", "1"];

    // How many renames an uninterrupted run over the older data root makes.
    private async Task<int> CountRenamesAsync(RenameKillShim shim, string older)
    {
        var dataRoot = temp.Combine("counted");
        NumbersPipeline.Copy(older, dataRoot);
        var log = temp.Combine("renames.log");
        var run = await NumbersPipeline.ProgramAsync(OneAtATime(dataRoot), shim.LogTo(log));
        Assert.True(run.ExitCode == 0, run.ToString());
        var renamed = File.ReadAllLines(log).Select(line => Path.GetRelativePath(dataRoot, line.Split(" -> ")[1])).ToList();
        Assert.All(NumbersPipeline.FilesOf.Values.SelectMany(files => files), file => Assert.Contains(file, renamed));
        return renamed.Count;
    }
}
