using System.Text.Json;
using WinePipeline.StepKit.Options;
using WinePipeline.Steps.CleanData;
using WinePipeline.Steps.DownloadData;
using WinePipeline.Steps.EvaluateModel;
using WinePipeline.Steps.ExtractFeatures;
using WinePipeline.Steps.ImputeData;
using WinePipeline.Steps.MakeDataset;
using WinePipeline.Steps.Tests.DataSteps;
using WinePipeline.Steps.TrainModel;
using WinePipeline.Steps.TransformData;

namespace WinePipeline.Steps.Tests.Pipeline;

public sealed class AllStepsEndToEndTests : IDisposable
{
    private readonly TempFolder _first = new();
    private readonly TempFolder _second = new();

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }

    [Fact]
    public void Eight_steps_on_a_2000_row_sample_give_a_useful_model_and_the_same_metrics_every_run()
    {
        var metrics = RunPipeline(_first);
        var again = RunPipeline(_second);

        Assert.Equal(metrics.GetRawText(), again.GetRawText());
        Assert.InRange(metrics.GetProperty("r2").GetDouble(), 0.3, 0.6);
        Assert.InRange(metrics.GetProperty("rows").GetInt32(), 190, 200); // floor(2000/10) test rows less duplicates
        foreach (var flag in new[] { "interim/.SUCCESS_MakeDatasets", "interim/.SUCCESS_CleanData", "interim/.SUCCESS_ExtractFeatures", "interim/.SUCCESS_TransformData", "interim/.SUCCESS_ImputeData", "output/.SUCCESS_EvaluateModel" })
        {
            Assert.True(File.Exists(_first.PathOf(flag)), $"{flag} missing");
        }

        foreach (var plot in new[] { EvaluateModelStep.PredictionsPlotFile, EvaluateModelStep.ImportancesPlotFile })
        {
            Assert.True(new FileInfo(_first.PathOf($"output/{plot}")).Length > 10_000, $"{plot} is missing or tiny");
        }
    }

    private static JsonElement RunPipeline(TempFolder root)
    {
        string P(string relative) => root.PathOf(relative);
        string[] TrainTest(string train, string test, string flag) =>
            ["--in-train-csv", P($"interim/{train}"), "--in-test-csv", P($"interim/{test}"), "--out-dir", P("interim"), "--flag", flag];

        StepRun.Of<DownloadOptions>("download_data", DownloadStep.Run,
            "--name", "wine_dataset", "--url", "sample://wine-reviews?rows=2000&seed=42", "--out-dir", P("raw")).Succeeded();
        StepRun.Of<MakeDatasetOptions>("make_dataset", MakeDatasetStep.Run,
            "--in-csv", P("raw/wine_dataset.csv"), "--out-dir", P("interim"), "--flag", ".SUCCESS_MakeDatasets").Succeeded();
        StepRun.Of<TrainTestStepOptions>("clean_data", CleanDataStep.Run,
            TrainTest(MakeDatasetStep.TrainFile, MakeDatasetStep.TestFile, ".SUCCESS_CleanData")).Succeeded();
        StepRun.Of<TrainTestStepOptions>("extract_features", ExtractFeaturesStep.Run,
            TrainTest(CleanDataStep.TrainFile, CleanDataStep.TestFile, ".SUCCESS_ExtractFeatures")).Succeeded();
        StepRun.Of<TrainTestStepOptions>("transform_data", TransformDataStep.Run,
            TrainTest(ExtractFeaturesStep.TrainFile, ExtractFeaturesStep.TestFile, ".SUCCESS_TransformData")).Succeeded();
        StepRun.Of<TrainTestStepOptions>("impute_data", ImputeDataStep.Run,
            TrainTest(TransformDataStep.TrainFile, TransformDataStep.TestFile, ".SUCCESS_ImputeData")).Succeeded();
        StepRun.Of<TrainModelOptions>("train_model", TrainModelStep.Run,
            "--in-train-features-csv", P($"interim/{ImputeDataStep.TrainFeaturesFile}"),
            "--in-train-target-csv", P($"interim/{ImputeDataStep.TrainTargetFile}"), "--out-dir", P("output")).Succeeded();
        var evaluation = StepRun.Of<EvaluateModelOptions>("evaluate_model", EvaluateModelStep.Run,
            "--in-test-features-csv", P($"interim/{ImputeDataStep.TestFeaturesFile}"),
            "--in-test-target-csv", P($"interim/{ImputeDataStep.TestTargetFile}"),
            "--in-trained-model", P($"output/{TrainModelStep.ModelFile}"), "--out-dir", P("output"), "--flag", ".SUCCESS_EvaluateModel").Succeeded();

        var metrics = JsonDocument.Parse(File.ReadAllText(P($"output/{EvaluateModelStep.MetricsFile}"))).RootElement;
        Assert.Contains($"Mean square error of the model is: {metrics.GetProperty("mse").GetDouble():0.00}", evaluation.Out);
        return metrics;
    }
}
