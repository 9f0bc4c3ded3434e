using WinePipeline.StepKit.Forest;
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using WinePipeline.StepKit;
using WinePipeline.Steps.EvaluateModel;
using WinePipeline.Steps.Tests.DataSteps;
using WinePipeline.Steps.Tests.TrainModel;
using WinePipeline.Steps.TrainModel;

namespace WinePipeline.Steps.Tests.Attacks;

/// <summary>Degenerate features and targets given to train_model and evaluate_model: refused in one
/// exact line, exit 1, no model.zip, no metrics.json, no flag.</summary>
public sealed class ModelDataAttackTests : IDisposable
{
    private const string Flag = ".SUCCESS_EvaluateModel";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_constant_target_is_refused()
    {
        var (features, _) = SyntheticWines.Write(_folder, "train", rows: 150, seed: 1);
        var target = _folder.Write("constant_target.csv", [WineColumns.Target, .. Enumerable.Repeat("87", 150)]);

        var run = Train(features, target);

        run.FailedWithNoOutput(_folder);
        Assert.Equal($"train_model: error: {target}: all 150 rows have points 87; a model cannot learn from a constant target", run.ErrorLine());
    }

    [Fact]
    public void Fewer_training_rows_than_the_default_minimum_are_refused()
    {
        var (features, target) = SyntheticWines.Write(_folder, "train", rows: 99, seed: 2);

        var run = Train(features, target);

        run.FailedWithNoOutput(_folder);
        Assert.Equal($"train_model: error: {features}: 99 rows, fewer than the 100 needed to train a model (--min-rows)", run.ErrorLine());
    }

    [Fact]
    public void A_forest_whose_trees_cannot_split_is_not_saved()
    {
        var (features, _) = SyntheticWines.Write(_folder, "train", rows: 3, seed: 3);
        var target = _folder.Write("varied_target.csv", WineColumns.Target, "85", "88", "91");

        var run = Train(features, target, "--min-rows", "2");

        run.FailedWithNoOutput(_folder);
        Assert.Equal($"train_model: error: {features}: the forest fitted on these 3 rows predicts NaN for row 1: too few rows for its trees to split", run.ErrorLine());
    }

    [Theory]
    [InlineData(4, "1e308", WineColumns.Price, "1e308 is out of range (expected a number above 0 and at most 100000)")]
    [InlineData(5, "Infinity", WineColumns.Year, "'Infinity' is not a finite number")]
    [InlineData(5, "99999", WineColumns.Year, "99999 is out of range (expected a number from 0 to 2100)")]
    [InlineData(7, "2", WineColumns.IsRed, "2 is out of range (expected an integer from 0 to 1)")]
    [InlineData(0, "-5", WineColumns.Country, "-5 is out of range (expected an integer from -1 to 16777216)")]
    [InlineData(1, "0.5", WineColumns.Province, "0.5 is out of range (expected an integer from -1 to 16777216)")]
    public void A_feature_value_out_of_range_names_file_row_and_column(int column, string value, string name, string problem)
    {
        var (lines, target) = SyntheticWines.Lines(150, seed: 4);
        lines[1] = string.Join(',', lines[1].Split(',').Select((field, i) => i == column ? value : field));
        var features = _folder.Write("features.csv", [SyntheticWines.FeaturesHeader, .. lines]);

        var run = Train(features, _folder.Write("target.csv", [WineColumns.Target, .. target]));

        run.FailedWithNoOutput(_folder);
        Assert.Equal($"train_model: error: {features}: row 2 (line 3), column '{name}': {problem}", run.ErrorLine());
    }

    [Fact]
    public void A_target_out_of_range_names_file_row_and_column()
    {
        var (features, _) = SyntheticWines.Write(_folder, "train", rows: 150, seed: 5);
        var target = _folder.Write("target.csv", [WineColumns.Target, .. Enumerable.Range(0, 150).Select(i => i == 9 ? "1000" : "88")]);

        var run = Train(features, target);

        run.FailedWithNoOutput(_folder);
        Assert.Equal($"train_model: error: {target}: row 10 (line 11), column 'points': 1000 is out of range (expected an integer from 80 to 100)", run.ErrorLine());
    }

    [Fact]
    public void A_training_minimum_below_2_is_a_usage_error()
    {
        var (features, target) = SyntheticWines.Write(_folder, "train", rows: 5, seed: 6);

        Train(features, target, "--min-rows", "1").FailedWithUsageError(_folder, "train_model: error: --min-rows must be at least 2, got 1");
    }

    [Fact]
    public void Fewer_test_rows_than_the_default_minimum_are_refused_before_the_model_is_read()
    {
        var (features, target) = SyntheticWines.Write(_folder, "test", rows: 29, seed: 7);

        var run = Evaluate(features, target, _folder.PathOf("model.zip"));

        run.FailedWithNoOutput(_folder);
        Assert.Equal($"evaluate_model: error: {features}: 29 rows, fewer than the 30 needed to measure the model's error (--min-rows)", run.ErrorLine());
    }

    [Fact]
    public void A_model_that_predicts_nan_is_refused_and_no_metrics_are_written()
    {
        var model = SaveForestFittedOnThreeRows();
        var (features, target) = SyntheticWines.Write(_folder, "test", rows: 40, seed: 8);

        var run = Evaluate(features, target, model);

        run.FailedWithNoOutput(_folder);
        Assert.Equal(
            $"evaluate_model: error: {model}: predicts NaN for row 1 of {features}; the model cannot be scored (was it trained on too few rows?)",
            run.ErrorLine());
    }

    [Fact]
    public void An_all_duplicate_raw_file_passes_the_data_steps_and_is_refused_by_train_and_evaluate()
    {
        var raw = _folder.Write("wine_dataset.csv",
            [RawWine.Header(), .. Enumerable.Range(0, 1000).Select(i => RawWine.Row(i, (WineColumns.Title, "Same 2015 Wine"), (WineColumns.Description, "Same.")))]);
        var interim = _folder.PathOf("interim");
        DataStepChain.RunAll(raw, interim);

        using var output = new TempFolder();
        var train = StepRun.Of<TrainModelOptions>("train_model", TrainModelStep.Run,
            "--in-train-features-csv", Path.Combine(interim, "train_features.csv"), "--in-train-target-csv", Path.Combine(interim, "train_target.csv"),
            "--out-dir", output.OutDir);
        var evaluate = StepRun.Of<EvaluateModelOptions>("evaluate_model", EvaluateModelStep.Run,
            "--in-test-features-csv", Path.Combine(interim, "test_features.csv"), "--in-test-target-csv", Path.Combine(interim, "test_target.csv"),
            "--in-trained-model", output.Output(TrainModelStep.ModelFile), "--out-dir", output.OutDir, "--flag", Flag);

        train.FailedWithNoOutput(output, "train_features.csv: 1 rows, fewer than the 100 needed to train a model (--min-rows)");
        evaluate.FailedWithNoOutput(output, "test_features.csv: 1 rows, fewer than the 30 needed to measure the model's error (--min-rows)");
    }

    private StepRun Train(string features, string target, params string[] extra) =>
        StepRun.Of<TrainModelOptions>("train_model", TrainModelStep.Run,
            ["--in-train-features-csv", features, "--in-train-target-csv", target, "--out-dir", _folder.OutDir, .. extra]);

    private StepRun Evaluate(string features, string target, string model) =>
        StepRun.Of<EvaluateModelOptions>("evaluate_model", EvaluateModelStep.Run,
            "--in-test-features-csv", features, "--in-test-target-csv", target, "--in-trained-model", model, "--out-dir", _folder.OutDir, "--flag", Flag);

    /// <summary>A real forest, with train_model's settings, fitted on three rows (which train_model
    /// itself now refuses to save): its trees have no split and it predicts NaN.</summary>
    private string SaveForestFittedOnThreeRows()
    {
        var ml = new MLContext(ForestSettings.Default.Seed);
        var rows = SyntheticWines.Lines(3, seed: 9).Features
            .Select((line, i) => new Row { Features = [.. line.Split(',').Select(v => float.Parse(v, CultureInfo.InvariantCulture))], Label = 85 + (3 * i) });
        var data = ml.Data.LoadFromEnumerable(rows);
        var path = _folder.PathOf("nan_model.zip");
        ml.Model.Save(RandomForestRegression.Fit(ml, data, ForestSettings.Default), data.Schema, path);
        return path;
    }

    private sealed class Row
    {
        [VectorType(14)]
        public float[] Features { get; set; } = [];

        public float Label { get; set; }
    }
}
