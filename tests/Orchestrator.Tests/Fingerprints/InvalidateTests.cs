using Orchestrator.Locking;
using Orchestrator.Tests.Support;
using static Orchestrator.Tests.Support.StagedGraph;

namespace Orchestrator.Tests.Fingerprints;

public sealed class InvalidateTests : IDisposable
{
    private readonly TempDirectory dataRoot = new();
    private readonly FileWritingExecutor executor;
    private readonly Pipeline pipeline;

    public InvalidateTests()
    {
        executor = new FileWritingExecutor(dataRoot.Path);
        pipeline = StagedGraph.Pipeline(dataRoot.Path);
    }

    [Fact]
    public async Task Invalidate_removes_the_fingerprints_flags_and_outputs_of_the_task_and_everything_downstream()
    {
        await RunAsync("run", "Use");

        var result = await RunAsync("invalidate", "Make");
        var rerun = await RunAsync("run", "Use");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [
                $"Make: removed {MakeFlag}, {Made}",
                $"Use: removed {UseFingerprint}, {Used}",
                "invalidated 2 tasks (Make, Use); 4 files removed",
            ],
            result.OutLines);
        Assert.Equal("summary: 2 ran, 0 already complete, 0 failed", rerun.LastLine);
    }

    [Fact]
    public async Task Invalidate_of_the_last_task_leaves_upstream_alone()
    {
        await RunAsync("run", "Use");

        await RunAsync("invalidate", "Use");

        Assert.True(File.Exists(dataRoot.Combine(MakeFlag)));
        Assert.False(File.Exists(dataRoot.Combine(Used)));
    }

    [Fact]
    public async Task Invalidate_of_an_unknown_task_is_a_usage_error_listing_the_known_tasks()
    {
        var result = await RunAsync("invalidate", "Mkae");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("orchestrator: error: unknown task 'Mkae'; known tasks: Make, Use\n", result.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Invalidate_without_a_task_is_a_one_line_usage_error_naming_an_example()
    {
        var result = await RunAsync("invalidate");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("orchestrator: error: name the task to invalidate, e.g. `orchestrator invalidate Use` (see orchestrator --help)\n", result.Error);
    }

    [Fact]
    public async Task Invalidate_while_a_run_holds_the_data_root_is_refused_and_removes_nothing()
    {
        await RunAsync("run", "Use");
        using (RunLock.Acquire(dataRoot.Path, TimeProvider.System))
        {
            var result = await RunAsync("invalidate", "Make");

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("another run is using data root", result.Error);
        }

        Assert.True(File.Exists(dataRoot.Combine(MakeFlag)));
    }

    public void Dispose() => dataRoot.Dispose();

    private Task<CliResult> RunAsync(params string[] args) =>
        StagedGraph.RunAsync(pipeline, executor, [.. args, "--data-root", dataRoot.Path]);
}
