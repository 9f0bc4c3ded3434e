using Orchestrator.History;
using Orchestrator.Runs;
using Orchestrator.Tests.Support;

namespace Orchestrator.Tests.Server;

public sealed class ServeScheduleTests
{
    [Fact]
    public async Task Serve_with_a_one_second_schedule_runs_the_pipeline_then_records_nothing_to_do()
    {
        using var dataRoot = new TempDirectory();
        var executor = new RecordingExecutor(dataRoot.Path);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var history = RunHistory.Open(dataRoot.Path);

        var serving = CliRunner.RunAsync(
            ["serve", "C", "--data-root", dataRoot.Path, "--port", "0", "--schedule", "* * * * * ?"],
            environment => environment.With(TestGraph.Pipeline(TestGraph.Chain), executor),
            cancellation: stop.Token);
        while (!stop.IsCancellationRequested && !history.Runs().Any(run => run.Outcome == RunOutcome.NothingToDo))
        {
            await Task.Delay(100);
        }

        await stop.CancelAsync();
        var result = await serving;

        Assert.True(result.ExitCode == 0, result.ToString());
        var runs = history.Runs().Reverse().ToList();
        Assert.Equal(("schedule", RunOutcome.Succeeded), (runs[0].Trigger, runs[0].Outcome));
        // Fires during the first run are skipped rather than overlapping it; later ones find nothing to do.
        Assert.All(runs.Skip(1), run => Assert.Contains(run.Outcome, new[] { RunOutcome.Skipped, RunOutcome.NothingToDo }));
        Assert.Contains(runs, run => run.Outcome == RunOutcome.NothingToDo);
        Assert.Equal(["A", "B", "C"], executor.Ran);
        Assert.Contains("schedule '* * * * * ?': completed: summary: 3 ran, 0 already complete, 0 failed", result.Out);
    }

    [Fact]
    public async Task Serve_with_an_invalid_cron_exits_2_naming_it()
    {
        using var dataRoot = new TempDirectory();

        var result = await CliRunner.RunGraphAsync(TestGraph.Chain, new RecordingExecutor(dataRoot.Path), ["serve", "--data-root", dataRoot.Path, "--port", "0", "--schedule", "every day"]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("orchestrator: error: invalid cron expression 'every day'", result.Error);
    }

    [Fact]
    public async Task Serve_with_an_unknown_target_exits_2_before_listening()
    {
        using var dataRoot = new TempDirectory();

        var result = await CliRunner.RunGraphAsync(TestGraph.Chain, new RecordingExecutor(dataRoot.Path), ["serve", "Nope", "--data-root", dataRoot.Path, "--port", "0"]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("orchestrator: error: unknown task 'Nope'", result.Error);
        Assert.Empty(result.Out);
    }
}
