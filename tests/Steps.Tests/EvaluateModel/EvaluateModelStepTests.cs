using System.Globalization;
using System.Text.Json;
using WinePipeline.StepKit;
using WinePipeline.Steps.EvaluateModel;
using WinePipeline.Steps.Tests.Charts;
using WinePipeline.Steps.Tests.DataSteps;
using WinePipeline.Steps.Tests.TrainModel;

namespace WinePipeline.Steps.Tests.EvaluateModel;

public sealed class EvaluateModelStepTests(TrainedModelFixture model) : IClassFixture<TrainedModelFixture>, IDisposable
{
    private const string Flag = ".SUCCESS_EvaluateModel";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Evaluating_the_trained_model_writes_metrics_four_plots_and_the_flag()
    {
        var run = Evaluate(model.TestFeatures, model.TestTarget, model.ModelPath).Succeeded();

        Assert.Equal(
            [Flag, EvaluateModelStep.ImportancesPlotFile, EvaluateModelStep.PredictedVsActualPlotFile, EvaluateModelStep.PredictionsPlotFile,
             EvaluateModelStep.ResidualsPlotFile, EvaluateModelStep.MetricsFile],
            _folder.OutputNames());
        ChartPng.AssertValid(_folder.Output(EvaluateModelStep.PredictionsPlotFile), 1200, 500);
        ChartPng.AssertValid(_folder.Output(EvaluateModelStep.ImportancesPlotFile), 900, 600);
        ChartPng.AssertValid(_folder.Output(EvaluateModelStep.PredictedVsActualPlotFile), 800, 800);
        ChartPng.AssertValid(_folder.Output(EvaluateModelStep.ResidualsPlotFile), 900, 600);

        using var metrics = JsonDocument.Parse(File.ReadAllText(_folder.Output(EvaluateModelStep.MetricsFile)));
        var root = metrics.RootElement;
        Assert.Equal(["mse", "rmse", "mae", "r2", "rows"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(200, root.GetProperty("rows").GetInt32());
        Assert.InRange(root.GetProperty("r2").GetDouble(), 0.5, 1);
        var mse = root.GetProperty("mse").GetDouble();
        Assert.Equal(Math.Sqrt(mse), root.GetProperty("rmse").GetDouble(), 12);
        Assert.Contains($"Mean square error of the model is: {mse.ToString("F2", CultureInfo.InvariantCulture)}\n", run.Out);
    }

    [Fact]
    public void Feature_importances_sum_to_one_and_the_price_driving_the_points_ranks_first()
    {
        var importances = TrainedForest.Load(model.ModelPath).FeatureImportances(WineColumns.Features);

        Assert.Equal(WineColumns.Features, importances.Select(i => i.Feature));
        Assert.Equal(1, importances.Sum(i => i.Importance), 6);
        Assert.Equal(WineColumns.Price, importances.MaxBy(i => i.Importance).Feature);
    }

    [Fact]
    public void The_same_input_trained_and_evaluated_twice_gives_identical_metrics()
    {
        using var other = new TempFolder();
        var retrained = TrainedModelFixture.Train(other, seed: 10);

        Evaluate(model.TestFeatures, model.TestTarget, model.ModelPath).Succeeded();
        var first = File.ReadAllText(_folder.Output(EvaluateModelStep.MetricsFile));
        Evaluate(model.TestFeatures, model.TestTarget, retrained).Succeeded();

        Assert.Equal(first, File.ReadAllText(_folder.Output(EvaluateModelStep.MetricsFile)));
    }

    [Fact]
    public void A_missing_model_file_is_named()
    {
        var missing = _folder.PathOf("no-such-model.zip");

        Evaluate(model.TestFeatures, model.TestTarget, missing).FailedWithNoOutput(_folder, missing, "file not found");
    }

    [Theory]
    [InlineData("not a zip at all")]
    [InlineData("PK\u0003\u0004 truncated zip")]
    public void A_corrupt_model_file_is_named(string content)
    {
        var corrupt = _folder.Write("model.zip", content);

        Evaluate(model.TestFeatures, model.TestTarget, corrupt).FailedWithNoOutput(_folder, corrupt, "not a model written by train_model");
    }

    [Fact]
    public void A_damaged_model_file_is_named()
    {
        var damaged = _folder.PathOf("damaged.zip");
        var bytes = File.ReadAllBytes(model.ModelPath);
        for (var i = 200; i < bytes.Length / 2; i += 997)
        {
            bytes[i] ^= 0x5A;
        }

        File.WriteAllBytes(damaged, bytes);

        Evaluate(model.TestFeatures, model.TestTarget, damaged).FailedWithNoOutput(_folder, damaged, "not a model written by train_model");
    }

    [Fact]
    public void A_non_numeric_test_target_names_file_row_and_column()
    {
        var target = _folder.Write("target.csv", [WineColumns.Target, .. File.ReadLines(model.TestTarget).Skip(1).Select((l, i) => i == 9 ? "ninety" : l)]);

        Evaluate(model.TestFeatures, target, model.ModelPath).FailedWithNoOutput(_folder, target, "row 10", "'points'", "not a number");
    }

    [Fact]
    public void A_header_only_test_features_file_is_refused()
    {
        var features = _folder.Write("features.csv", SyntheticWines.FeaturesHeader);

        Evaluate(features, model.TestTarget, model.ModelPath).FailedWithNoOutput(_folder, features, "header but no rows");
    }

    private StepRun Evaluate(string features, string target, string modelPath) =>
        StepRun.Of<EvaluateModelOptions>("evaluate_model", EvaluateModelStep.Run,
            "--in-test-features-csv", features, "--in-test-target-csv", target, "--in-trained-model", modelPath,
            "--out-dir", _folder.OutDir, "--flag", Flag);
}
