using Orchestrator.Execution;
using Orchestrator.Tests.Support;

namespace Orchestrator.Tests.Cli;

public class CliOutputTests
{
    [Theory]
    [InlineData("help.txt", "--help")]
    [InlineData("run-help.txt", "run --help")]
    [InlineData("status-help.txt", "help status")]
    public async Task Help_text_matches_the_expected_file(string expected, string args)
    {
        var result = await CliRunner.RunAsync(args.Split(' '));

        Assert.Equal(0, result.ExitCode);
        ExpectedText.Matches(expected, result.Out);
    }

    [Fact]
    public async Task Status_on_an_empty_data_root_lists_every_task_pending_with_its_reason_and_the_parameters()
    {
        using var dataRoot = new TempDirectory();

        var result = await CliRunner.RunWineAsync(["status", "--data-root", dataRoot.Path]);

        Assert.Equal(0, result.ExitCode);
        ExpectedText.Matches("status-empty.txt", result.Out);
    }

    [Fact]
    public async Task Status_after_TrainModel_output_deleted_shows_it_and_EvaluateModel_pending()
    {
        using var dataRoot = new TempDirectory();
        var graph = WineDefinition.Pipeline.Resolve(WineDefinition.Pipeline.Defaults());
        var executor = new RecordingExecutor(dataRoot.Path) { OutputsOf = RecordingExecutor.DeclaredOutputs(graph) };
        var run = await CliRunner.RunPipelineAsync(WineDefinition.Pipeline, executor, ["run", "--data-root", dataRoot.Path]);
        Assert.True(run.ExitCode == 0, run.ToString());
        File.Delete(dataRoot.Combine("output", "model.zip"));

        var result = await CliRunner.RunWineAsync(["status", "--data-root", dataRoot.Path]);

        ExpectedText.Matches("status-model-deleted.txt", result.Out);
    }

    [Fact]
    public async Task Dry_run_prints_the_plan_with_reasons_and_what_it_would_run_last_and_runs_nothing()
    {
        using var dataRoot = new TempDirectory();

        var result = await CliRunner.RunWineAsync(["run", "--dry-run", "--data-root", dataRoot.Path]);

        Assert.Equal(0, result.ExitCode);
        ExpectedText.Matches("dry-run-empty.txt", result.Out.Replace(dataRoot.Path, "<data-root>"));
        Assert.False(Directory.Exists(dataRoot.Combine(".orchestrator")));
    }

    [Fact]
    public async Task Summary_of_a_full_run_is_the_last_line()
    {
        using var dataRoot = new TempDirectory();
        var executor = new RecordingExecutor(dataRoot.Path);

        var result = await CliRunner.RunGraphAsync(TestGraph.Diamond, executor, ["run", "D", "--data-root", dataRoot.Path]);

        ExpectedText.Matches("summary-full-run.txt", result.LastLine + "\n");
    }

    [Fact]
    public async Task Unknown_task_is_a_usage_error_listing_the_known_tasks()
    {
        var result = await CliRunner.RunWineAsync(["run", "TrainModle", "--dry-run"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        ExpectedText.Matches("unknown-task.txt", result.Error);
    }

    [Theory]
    [InlineData("usage-unknown-option.txt", "run --colour")]
    [InlineData("usage-bad-workers.txt", "run --workers 0")]
    [InlineData("usage-unknown-executor.txt", "run --executor kubernetes")]
    [InlineData("usage-no-verb.txt", "")]
    public async Task Usage_error_is_one_line_on_stderr_with_exit_2(string expected, string args)
    {
        var result = await CliRunner.RunAsync(args.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        ExpectedText.Matches(expected, result.Error);
    }

    [Fact]
    public async Task Executor_that_cannot_start_is_a_usage_error_with_its_hint()
    {
        using var dataRoot = new TempDirectory();

        var result = await CliRunner.RunWineAsync(
            ["run", "--data-root", dataRoot.Path],
            environment => environment with { CreateExecutor = (_, _, _, _) => throw new ExecutorUnavailableException("image wine/base:0.1 missing; run ./build-task-images.sh") });

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("orchestrator: error: image wine/base:0.1 missing; run ./build-task-images.sh\n", result.Error);
    }

    [Fact]
    public async Task Verb_without_a_built_in_pipeline_or_a_file_is_a_usage_error_asking_for_one()
    {
        using var dataRoot = new TempDirectory();

        var result = await CliRunner.RunAsync(["status", "--data-root", dataRoot.Path]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("orchestrator: error: no pipeline: give one with -f pipeline.yaml (see orchestrator --help)\n", result.Error);
    }

    [Fact]
    public async Task Unknown_parameter_is_a_usage_error_listing_the_pipelines_parameters()
    {
        using var dataRoot = new TempDirectory();

        var result = await CliRunner.RunWineAsync(["run", "--dry-run", "--data-root", dataRoot.Path, "-p", "dataset=x"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("orchestrator: error: unknown parameter 'dataset'; parameters of wine: dataset-url, image-version, image-prefix, experiment-trees, experiment-leaves\n", result.Error);
    }

    [Fact]
    public async Task Parameter_without_a_value_is_a_usage_error()
    {
        var result = await CliRunner.RunWineAsync(["run", "--dry-run", "-p", "dataset-url"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("orchestrator: error: -p 'dataset-url' is not NAME=VALUE (see orchestrator --help)\n", result.Error);
    }

    [Fact]
    public async Task Parameter_from_its_environment_variable_is_used_when_not_given_with_p()
    {
        using var dataRoot = new TempDirectory();

        var fromEnvironment = await CliRunner.RunWineAsync(
            ["status", "DownloadData", "--data-root", dataRoot.Path],
            environment => environment with { GetVariable = name => name == "DATASET_URL" ? "file:///env.csv" : null });
        var given = await CliRunner.RunWineAsync(
            ["status", "DownloadData", "--data-root", dataRoot.Path, "-p", "dataset-url=file:///p.csv"],
            environment => environment with { GetVariable = name => name == "DATASET_URL" ? "file:///env.csv" : null });

        Assert.Contains("  dataset-url        file:///env.csv  (from the environment)", fromEnvironment.OutLines);
        Assert.Contains("  dataset-url        file:///p.csv  (given with -p)", given.OutLines);
    }

    [Fact]
    public async Task Parameter_option_repeated_gives_each_value()
    {
        using var dataRoot = new TempDirectory();

        var result = await CliRunner.RunWineAsync(["status", "--data-root", dataRoot.Path, "-p", "image-version=0.2", "-p", "image-prefix=acme"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("  image-version      0.2  (given with -p)", result.OutLines);
        Assert.Contains("  image-prefix       acme  (given with -p)", result.OutLines);
    }

    [Fact]
    public async Task Parameter_before_the_task_leaves_the_task_to_the_task()
    {
        using var dataRoot = new TempDirectory();

        var result = await CliRunner.RunWineAsync(["status", "--data-root", dataRoot.Path, "-p", "image-version=0.2", "--param=image-prefix=acme", "DownloadData"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(result.OutLines, line => line.StartsWith("DownloadData ", StringComparison.Ordinal));
        Assert.DoesNotContain(result.OutLines, line => line.StartsWith("MakeDatasets ", StringComparison.Ordinal));
        Assert.Contains("  image-version      0.2  (given with -p)", result.OutLines);
        Assert.Contains("  image-prefix       acme  (given with -p)", result.OutLines);
    }
}
