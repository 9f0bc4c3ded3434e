using Microsoft.Data.Sqlite;
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

    [Fact]
    public void History_written_before_parameters_were_recorded_is_read_and_extended()
    {
        using var dataRoot = new TempDirectory();
        Directory.CreateDirectory(dataRoot.Combine(".orchestrator"));
        using (var connection = new SqliteConnection($"Data Source={dataRoot.Combine(".orchestrator", RunHistory.FileName)};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE runs (id TEXT PRIMARY KEY, trigger TEXT NOT NULL, started TEXT NOT NULL, ended TEXT, outcome TEXT NOT NULL, summary TEXT, metrics TEXT, mse REAL, r2 REAL);
                CREATE TABLE attempts (run_id TEXT NOT NULL REFERENCES runs(id), task TEXT NOT NULL, attempt INTEGER NOT NULL, started TEXT NOT NULL, ended TEXT,
                    status TEXT NOT NULL, exit_code INTEGER, reason TEXT, log_path TEXT, PRIMARY KEY (run_id, task, attempt));
                INSERT INTO runs VALUES ('old', 'cli', '2026-01-02T03:04:05.0000000+00:00', '2026-01-02T03:05:05.0000000+00:00', 'succeeded', 'summary: 8 ran, 0 already complete, 0 failed', '{"mse":1.5}', 1.5, 0.5);
                """;
            command.ExecuteNonQuery();
        }

        var history = RunHistory.Open(dataRoot.Path);
        history.RunStarted("new", RunTrigger.Cli, Start.AddHours(1), new Dictionary<string, string> { ["rows"] = "10" });

        Assert.Equal([("new", 1), ("old", 0)], history.Runs().Select(run => (run.Id, run.Parameters.Count)));
        Assert.Equal((RunOutcome.Succeeded, """{"mse":1.5}"""), (history.Run("old")!.Outcome, history.Run("old")!.Metrics));
    }
}
