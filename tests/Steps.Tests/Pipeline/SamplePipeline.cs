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

/// <summary>Runs the real steps in-process on a synthetic sample under a folder laid out like
/// data_root (raw/, interim/, output/), as the orchestrator would.</summary>
public sealed class SamplePipeline(TempFolder root)
{
    public string Path(string relative) => root.PathOf(relative);

    /// <summary>download_data, make_dataset, clean_data and extract_features.</summary>
    public SamplePipeline ExtractFeatures(int rows, ulong seed = 42)
    {
        StepRun.Of<DownloadOptions>("download_data", DownloadStep.Run,
            "--name", "wine_dataset", "--url", $"sample://wine-reviews?rows={rows}&seed={seed}", "--out-dir", Path("raw")).Succeeded();
        StepRun.Of<MakeDatasetOptions>("make_dataset", MakeDatasetStep.Run,
            "--in-csv", Path("raw/wine_dataset.csv"), "--out-dir", Path("interim"), "--flag", ".SUCCESS_MakeDatasets").Succeeded();
        StepRun.Of<TrainTestStepOptions>("clean_data", CleanDataStep.Run,
            TrainTest(MakeDatasetStep.TrainFile, MakeDatasetStep.TestFile, ".SUCCESS_CleanData")).Succeeded();
        StepRun.Of<TrainTestStepOptions>("extract_features", ExtractFeaturesStep.Run,
            TrainTest(CleanDataStep.TrainFile, CleanDataStep.TestFile, ".SUCCESS_ExtractFeatures")).Succeeded();
        return this;
    }

    /// <summary>transform_data and impute_data, after <see cref="ExtractFeatures"/>.</summary>
    public SamplePipeline ImputeData()
    {
        StepRun.Of<TrainTestStepOptions>("transform_data", TransformDataStep.Run,
            TrainTest(ExtractFeaturesStep.TrainFile, ExtractFeaturesStep.TestFile, ".SUCCESS_TransformData")).Succeeded();
        StepRun.Of<TrainTestStepOptions>("impute_data", ImputeDataStep.Run,
            TrainTest(TransformDataStep.TrainFile, TransformDataStep.TestFile, ".SUCCESS_ImputeData")).Succeeded();
        return this;
    }

    /// <summary>train_model on the training features into <paramref name="outDir"/>, with extra options.</summary>
    public StepRun Train(string outDir, params string[] options) =>
        StepRun.Of<TrainModelOptions>("train_model", TrainModelStep.Run,
            ["--in-train-features-csv", Path($"interim/{ImputeDataStep.TrainFeaturesFile}"),
             "--in-train-target-csv", Path($"interim/{ImputeDataStep.TrainTargetFile}"), "--out-dir", Path(outDir), .. options]).Succeeded();

    /// <summary>evaluate_model of output/model.zip on the test set.</summary>
    public StepRun Evaluate() =>
        StepRun.Of<EvaluateModelOptions>("evaluate_model", EvaluateModelStep.Run,
            "--in-test-features-csv", Path($"interim/{ImputeDataStep.TestFeaturesFile}"),
            "--in-test-target-csv", Path($"interim/{ImputeDataStep.TestTargetFile}"),
            "--in-trained-model", Path($"output/{TrainModelStep.ModelFile}"), "--out-dir", Path("output"), "--flag", ".SUCCESS_EvaluateModel").Succeeded();

    private string[] TrainTest(string train, string test, string flag) =>
        ["--in-train-csv", Path($"interim/{train}"), "--in-test-csv", Path($"interim/{test}"), "--out-dir", Path("interim"), "--flag", flag];
}
