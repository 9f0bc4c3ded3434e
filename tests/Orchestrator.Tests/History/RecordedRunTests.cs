using Orchestrator.Execution;
using Orchestrator.History;
using Orchestrator.Runs;
using Orchestrator.Tests.Support;

namespace Orchestrator.Tests.History;

public sealed class RecordedRunTests
{
    [Fact]
    public async Task A_cli_run_records_the_run_and_every_attempt_including_a_retry()
    {
        using var dataRoot = new TempDirectory();
        var failedOnce = 0;
        var executor = new RecordingExecutor(dataRoot.Path)
        {
            Behavior = (invocation, _, _) => Task.FromResult(invocation.TaskId == "B" && Interlocked.Exchange(ref failedOnce, 1) == 0 ? 3 : 0),
        };

        var result = await CliRunner.RunGraphAsync(TestGraph.Chain, executor, ["run", "C", "--data-root", dataRoot.Path, "--retries", "1"], new InstantTimeProvider());

        Assert.Equal(0, result.ExitCode);
        var history = RunHistory.Open(dataRoot.Path);
        var run = Assert.Single(history.Runs());
        Assert.Equal(("cli", RunOutcome.Succeeded, result.LastLine), (run.Trigger, run.Outcome, run.Summary));
        Assert.Null(run.Metrics);
        Assert.Equal(
            [("A", 0, "succeeded", (int?)0), ("B", 0, "failed", 3), ("B", 1, "succeeded", 0), ("C", 0, "succeeded", 0)],
            history.Attempts(run.Id).Select(a => (a.Task, a.Attempt, a.Status, a.ExitCode)).OrderBy(a => a.Task).ThenBy(a => a.Attempt));
        Assert.All(history.Attempts(run.Id), attempt => Assert.True(File.Exists(attempt.LogPath)));
    }

    [Fact]
    public async Task A_run_that_finds_everything_complete_records_nothing_to_do()
    {
        using var dataRoot = new TempDirectory();
        var executor = new RecordingExecutor(dataRoot.Path);
        await CliRunner.RunGraphAsync(TestGraph.Chain, executor, ["run", "C", "--data-root", dataRoot.Path]);

        await CliRunner.RunGraphAsync(TestGraph.Chain, executor, ["run", "C", "--data-root", dataRoot.Path]);

        Assert.Equal([RunOutcome.NothingToDo, RunOutcome.Succeeded], RunHistory.Open(dataRoot.Path).Runs().Select(run => run.Outcome));
    }

    [Fact]
    public async Task A_run_with_a_failed_task_records_failed_with_its_exit_code()
    {
        using var dataRoot = new TempDirectory();
        var executor = new RecordingExecutor(dataRoot.Path) { Behavior = (invocation, _, _) => Task.FromResult(invocation.TaskId == "B" ? 1 : 0) };

        await CliRunner.RunGraphAsync(TestGraph.Chain, executor, ["run", "C", "--data-root", dataRoot.Path]);

        var history = RunHistory.Open(dataRoot.Path);
        var run = Assert.Single(history.Runs());
        Assert.Equal(RunOutcome.Failed, run.Outcome);
        var failed = history.Attempts(run.Id).Single(attempt => attempt.Task == "B");
        Assert.Equal(("failed", 1, "exit code 1"), (failed.Status, failed.ExitCode, failed.Reason));
        Assert.DoesNotContain(history.Attempts(run.Id), attempt => attempt.Task == "C");
    }

    [Fact]
    public async Task A_run_records_its_parameter_values_and_the_reports_metrics_written_by_the_run()
    {
        using var dataRoot = new TempDirectory();
        var builder = new PipelineBuilder("test");
        var rows = builder.Parameter("rows", "10");
        var tasks = TestGraph.Declare(builder, TestGraph.Chain);
        tasks["C"].Args("--rows", rows).Output("metrics", "metrics.json");
        var pipeline = builder.Report("test", tasks["C"].Ref("metrics"), ["mse"]).Build();
        var executor = new RecordingExecutor(dataRoot.Path)
        {
            Behavior = async (invocation, _, cancellation) =>
            {
                if (invocation.TaskId == "C")
                {
                    await File.WriteAllTextAsync(Path.Combine(RecordingExecutor.OutDirectory(invocation), "metrics.json"), """{"mse":1.25}""", cancellation);
                }

                return 0;
            },
        };

        await CliRunner.RunPipelineAsync(pipeline, executor, ["run", "--data-root", dataRoot.Path, "-p", "rows=20"]);
        await CliRunner.RunPipelineAsync(pipeline, executor, ["run", "--data-root", dataRoot.Path]);

        var runs = RunHistory.Open(dataRoot.Path).Runs();
        Assert.Equal([RunOutcome.NothingToDo, RunOutcome.Succeeded], runs.Select(run => run.Outcome));
        Assert.Equal("""{"mse":1.25}""", runs[1].Metrics);
        Assert.All(runs, run => Assert.Equal(new Dictionary<string, string> { ["rows"] = "20" }, run.Parameters));
        Assert.Equal("""{"mse":1.25}""", File.ReadAllText(Path.Combine(RunMetrics.ArchiveDirectory(dataRoot.Path, runs[1].Id), "metrics.json")));
    }
}
