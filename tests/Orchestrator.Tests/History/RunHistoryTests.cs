using Orchestrator.History;
using Orchestrator.Runs;
using Orchestrator.Tests.Support;

namespace Orchestrator.Tests.History;

public sealed class RunHistoryTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void A_run_its_parameters_and_its_attempts_read_back_as_written()
    {
        using var dataRoot = new TempDirectory();
        var history = RunHistory.Open(dataRoot.Path);

        history.RunStarted("r1", RunTrigger.Schedule, Start, new Dictionary<string, string> { ["dataset-url"] = "file:///w.csv" });
        history.AttemptStarted("r1", "Train", 0, Start, "/logs/Train.0.log");
        history.AttemptFinished("r1", "Train", 0, Start.AddSeconds(3), "failed", 1, "exit code 1");
        history.RunFinished("r1", Start.AddSeconds(4), RunOutcome.Failed, "summary: 0 ran, 0 already complete, 1 failed", """{"mse":1.5,"r2":0.5}""");

        var run = Assert.Single(RunHistory.Open(dataRoot.Path).Runs());
        Assert.Equal(
            ("r1", "schedule", Start, (DateTimeOffset?)Start.AddSeconds(4), RunOutcome.Failed, "summary: 0 ran, 0 already complete, 1 failed", """{"mse":1.5,"r2":0.5}"""),
            (run.Id, run.Trigger, run.Started, run.Ended, run.Outcome, run.Summary, run.Metrics));
        Assert.Equal(new Dictionary<string, string> { ["dataset-url"] = "file:///w.csv" }, run.Parameters);
        Assert.Equal(TimeSpan.FromSeconds(4), run.Duration);
        var attempt = Assert.Single(history.Attempts("r1"));
        Assert.Equal(new AttemptRecord("r1", "Train", 0, Start, Start.AddSeconds(3), "failed", 1, "exit code 1", "/logs/Train.0.log"), attempt);
        Assert.Equal(Path.Combine(dataRoot.Path, ".orchestrator", "history.db"), history.Path);
    }

    [Fact]
    public void Skipped_and_nothing_to_do_runs_are_recorded_latest_first()
    {
        using var dataRoot = new TempDirectory();
        var history = RunHistory.Open(dataRoot.Path);

        history.RunNotStarted("a", RunTrigger.Schedule, Start, RunOutcome.NothingToDo, "nothing to run: EvaluateModel is complete");
        history.RunNotStarted("b", RunTrigger.Schedule, Start.AddMinutes(1), RunOutcome.Skipped, "another run holds the data root");

        Assert.Equal([("b", RunOutcome.Skipped), ("a", RunOutcome.NothingToDo)], history.Runs().Select(run => (run.Id, run.Outcome)));
        Assert.All(history.Runs(), run => Assert.Equal(TimeSpan.Zero, run.Duration));
        Assert.All(history.Runs(), run => Assert.Empty(run.Parameters));
    }

    [Fact]
    public void Run_still_marked_running_is_marked_interrupted_by_the_next_run()
    {
        using var dataRoot = new TempDirectory();
        var history = RunHistory.Open(dataRoot.Path);
        history.RunStarted("killed", RunTrigger.Cli, Start);
        history.AttemptStarted("killed", "Train", 0, Start, null);

        history.MarkInterrupted(Start.AddMinutes(5));

        var run = Assert.Single(history.Runs());
        Assert.Equal((RunOutcome.Interrupted, "the orchestrator stopped while it ran (killed?)"), (run.Outcome, run.Summary));
        Assert.Equal("interrupted", Assert.Single(history.Attempts("killed")).Status);
    }
}
