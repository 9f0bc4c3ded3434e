using WinePipeline.StepKit;
using WinePipeline.StepKit.Csv;
using WinePipeline.StepKit.Forest;
using WinePipeline.StepKit.Metrics;
using WinePipeline.Steps.EvaluateModel;
using WinePipeline.Steps.Tests.DataSteps;
using WinePipeline.Steps.TrainModel;

namespace WinePipeline.Steps.Tests.TrainModel;

public sealed class ValidationModeTests : IDisposable
{
    private const int RowCount = 250;
    private readonly TempFolder _folder = new();
    private readonly (string Features, string Target) _train;

    public ValidationModeTests() => _train = SyntheticWines.Write(_folder, "train", RowCount, seed: 31);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Validation_mode_writes_the_report_beside_the_model_with_the_settings_rows_time_and_memory()
    {
        var run = Train(_folder.OutDir, "--validation-fraction", "0.1", "--trees", "12").Succeeded();

        Assert.Equal([TrainModelFiles.Model, TrainModelFiles.Validation], _folder.OutputNames());
        var report = ValidationReport.Read(_folder.Output(TrainModelFiles.Validation));
        Assert.Equal(ForestSettings.Default with { Trees = 12 }, report.Params);
        Assert.Equal(225, report.TrainingRows);
        Assert.Equal(25, report.Validation.Rows);
        Assert.InRange(report.TrainingSeconds, 0.001, 600);
        Assert.InRange(report.PeakRssBytes!.Value, 20L << 20, 8L << 30);
        Assert.InRange(report.Validation.R2, 0.3, 1);
        Assert.Contains("validation mode: training on the first 225 rows, scoring the last 25", run.Out);
    }

    [Fact]
    public void The_report_scores_the_last_rows_with_the_saved_model()
    {
        Train(_folder.OutDir, "--validation-fraction", "0.2", "--trees", "12").Succeeded();

        var lastRows = Rows(200, RowCount);
        var predicted = TrainedForest.Load(_folder.Output(TrainModelFiles.Model)).Predict(lastRows);
        var report = ValidationReport.Read(_folder.Output(TrainModelFiles.Validation));
        Assert.Equal(ModelMetrics.Compute(lastRows.Target, predicted), report.Validation);
    }

    [Fact]
    public void The_model_is_the_one_trained_on_the_first_rows_alone()
    {
        using var firstRowsOnly = new TempFolder();
        var features = firstRowsOnly.Write("features.csv", [.. File.ReadLines(_train.Features).Take(201)]);
        var target = firstRowsOnly.Write("target.csv", [.. File.ReadLines(_train.Target).Take(201)]);

        Train(_folder.OutDir, "--validation-fraction", "0.2", "--trees", "12").Succeeded();
        StepRun.Of<TrainModelOptions>("train_model", TrainModelStep.Run,
            "--in-train-features-csv", features, "--in-train-target-csv", target, "--out-dir", firstRowsOnly.OutDir, "--trees", "12").Succeeded();

        var everyRow = Rows(0, RowCount);
        Assert.Equal(
            TrainedForest.Load(firstRowsOnly.Output(TrainModelFiles.Model)).Predict(everyRow),
            TrainedForest.Load(_folder.Output(TrainModelFiles.Model)).Predict(everyRow));
    }

    [Fact]
    public void Without_validation_mode_no_report_is_written_and_a_stale_one_is_removed()
    {
        Train(_folder.OutDir, "--validation-fraction", "0.1", "--trees", "5").Succeeded();

        Train(_folder.OutDir, "--trees", "5").Succeeded();

        Assert.Equal([TrainModelFiles.Model], _folder.OutputNames());
    }

    [Fact]
    public void A_fraction_that_leaves_no_validation_row_names_the_file_and_the_counts()
    {
        Train(_folder.OutDir, "--validation-fraction", "0.003")
            .FailedWithNoOutput(_folder, _train.Features, "--validation-fraction 0.003 of its 250 rows leaves 0 to validate on and 250 to train on");
    }

    [Fact]
    public void A_damaged_report_is_refused_naming_the_file()
    {
        Train(_folder.OutDir, "--validation-fraction", "0.1", "--trees", "5").Succeeded();
        var path = _folder.Output(TrainModelFiles.Validation);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"trees\": 5", "\"trees\": 0", StringComparison.Ordinal));

        var error = Assert.Throws<InvalidInputException>(() => ValidationReport.Read(path));

        Assert.Equal($"{path}: trees must be a whole number from 1 to 10000, got 0", error.Message);
    }

    private StepRun Train(string outDir, params string[] options) =>
        StepRun.Of<TrainModelOptions>("train_model", TrainModelStep.Run,
            ["--in-train-features-csv", _train.Features, "--in-train-target-csv", _train.Target, "--out-dir", outDir, .. options]);

    /// <summary>Rows [from, to) of the training files as a table.</summary>
    private FeatureTable Rows(int from, int to)
    {
        var all = FeatureTable.Read(_train.Features, _train.Target, CancellationToken.None);
        return all with { Features = all.Features[from..to], Target = all.Target[from..to] };
    }
}
