using Orchestrator.Locking;
using Orchestrator.Tests.Support;
using static Orchestrator.Tests.Support.StagedGraph;

namespace Orchestrator.Tests.Fingerprints;

public sealed class InvalidateTests : IDisposable
{
    private readonly TempDirectory dataRoot = new();
    private readonly FileWritingExecutor executor;

    public InvalidateTests()
    {
        executor = new FileWritingExecutor(dataRoot.Path);
        Directory.CreateDirectory(dataRoot.Combine("raw"));
        File.WriteAllText(dataRoot.Combine(RawInput), "x");
    }

    [Fact]
    public async Task Invalidate_removes_the_outputs_flags_and_fingerprints_of_the_task_and_everything_downstream()
    {
        await StagedGraph.RunAsync(executor, "run", "Use", "--data-root", dataRoot.Path);

        var result = await StagedGraph.RunAsync(executor, "invalidate", "Make", "--data-root", dataRoot.Path);
        var rerun = await StagedGraph.RunAsync(executor, "run", "Use", "--data-root", dataRoot.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [
                $"Make: removed {MakeFlag}, {Made}",
                $"Use: removed {Used}, .orchestrator/fingerprints/Use.json",
                "invalidated 2 tasks (Make, Use); 4 files removed",
            ],
            result.OutLines);
        Assert.True(File.Exists(dataRoot.Combine(RawInput)));
        Assert.Equal("summary: 2 ran, 0 already complete, 0 failed", rerun.LastLine);
    }

    [Fact]
    public async Task Invalidate_of_the_last_task_leaves_upstream_alone()
    {
        await StagedGraph.RunAsync(executor, "run", "Use", "--data-root", dataRoot.Path);

        await StagedGraph.RunAsync(executor, "invalidate", "Use", "--data-root", dataRoot.Path);

        Assert.True(File.Exists(dataRoot.Combine(MakeFlag)));
        Assert.False(File.Exists(dataRoot.Combine(Used)));
    }

    [Fact]
    public async Task Invalidate_of_an_unknown_task_is_a_usage_error_listing_the_known_tasks()
    {
        var result = await StagedGraph.RunAsync(executor, "invalidate", "Mkae", "--data-root", dataRoot.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("orchestrator: error: unknown task 'Mkae'; known tasks: Make, Use\n", result.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Invalidate_while_a_run_holds_the_data_root_is_refused_and_removes_nothing()
    {
        await StagedGraph.RunAsync(executor, "run", "Use", "--data-root", dataRoot.Path);
        using (RunLock.Acquire(dataRoot.Path, TimeProvider.System))
        {
            var result = await StagedGraph.RunAsync(executor, "invalidate", "Make", "--data-root", dataRoot.Path);

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("another run is using data root", result.Error);
        }

        Assert.True(File.Exists(dataRoot.Combine(MakeFlag)));
    }

    public void Dispose() => dataRoot.Dispose();
}
