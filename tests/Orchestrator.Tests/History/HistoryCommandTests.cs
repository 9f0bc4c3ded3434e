using Orchestrator.History;
using Orchestrator.Runs;
using Orchestrator.Tests.Support;

namespace Orchestrator.Tests.History;

public sealed class HistoryCommandTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public async Task History_lists_runs_latest_first_with_duration_outcome_and_the_reports_columns()
    {
        using var dataRoot = new TempDirectory();
        var history = RunHistory.Open(dataRoot.Path);
        Record(history, "run-a", Start, """{"mse":2.5,"r2":0.75}""");
        history.RunNotStarted("run-b", RunTrigger.Schedule, Start.AddHours(1), RunOutcome.NothingToDo, "nothing to run");

        var result = await CliRunner.RunWineAsync(["history", "--data-root", dataRoot.Path]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [
                "RUN    TRIGGER   STARTED              DURATION  OUTCOME        MSE    R2",
                "run-b  schedule  2026-01-02 04:04:05      0.0s  nothing to do    -     -",
                "run-a  cli       2026-01-02 03:04:05     42.0s  succeeded      2.5  0.75",
            ],
            result.OutLines);
    }

    [Fact]
    public async Task History_of_a_pipeline_without_report_columns_shows_only_the_runs()
    {
        using var dataRoot = new TempDirectory();
        Record(RunHistory.Open(dataRoot.Path), "run-a", Start, """{"mse":2.5}""");

        var result = await CliRunner.RunAsync(["history", "--data-root", dataRoot.Path], environment => environment with { Pipeline = TestGraph.Pipeline("A") });

        Assert.Equal(
            [
                "RUN    TRIGGER  STARTED              DURATION  OUTCOME",
                "run-a  cli      2026-01-02 03:04:05     42.0s  succeeded",
            ],
            result.OutLines);
    }

    [Fact]
    public async Task History_compare_prints_both_runs_metrics_with_deltas_and_their_parameters()
    {
        using var dataRoot = new TempDirectory();
        var history = RunHistory.Open(dataRoot.Path);
        Record(history, "run-a", Start, """{"mse":2.5,"r2":0.75,"rows":100}""", new Dictionary<string, string> { ["dataset-url"] = "sample://a", ["image-version"] = "0.1" });
        Record(history, "run-b", Start.AddHours(1), """{"mse":2.25,"r2":0.8,"rows":100}""", new Dictionary<string, string> { ["dataset-url"] = "sample://b", ["image-version"] = "0.1" });

        var result = await CliRunner.RunWineAsync(["history", "--data-root", dataRoot.Path, "--compare", "run-a", "run-b"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [
                "METRIC                 run-a       run-b    DELTA",
                "mse                      2.5        2.25    -0.25",
                "r2                      0.75         0.8    +0.05",
                "rows                     100         100        0",
                "-p dataset-url    sample://a  sample://b  changed",
                "-p image-version         0.1         0.1        =",
            ],
            result.OutLines);
    }

    [Fact]
    public async Task History_compare_with_an_unknown_run_is_a_usage_error()
    {
        using var dataRoot = new TempDirectory();
        Record(RunHistory.Open(dataRoot.Path), "run-a", Start, null);

        var result = await CliRunner.RunWineAsync(["history", "--data-root", dataRoot.Path, "--compare", "run-a", "nope"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no run 'nope' in the history", result.Error);
    }

    private static void Record(RunHistory history, string id, DateTimeOffset started, string? metrics, IReadOnlyDictionary<string, string>? parameters = null)
    {
        history.RunStarted(id, RunTrigger.Cli, started, parameters);
        history.RunFinished(id, started.AddSeconds(42), RunOutcome.Succeeded, "summary: 8 ran, 0 already complete, 0 failed", metrics);
    }
}
