using WinePipeline.StepKit.Hosting;
using WinePipeline.StepKit.Options;
using WinePipeline.Steps.CleanData;
using WinePipeline.Steps.ExtractFeatures;
using WinePipeline.Steps.ImputeData;
using WinePipeline.Steps.MakeDataset;
using WinePipeline.Steps.TransformData;

namespace WinePipeline.Steps.Tests.DataSteps;

/// <summary>Runs the five data steps, make_dataset to impute_data, in-process into one interim folder, each required to succeed.</summary>
public static class DataStepChain
{
    public static void RunAll(string rawCsv, string interim, int minRows = 10)
    {
        StepRun.Of<MakeDatasetOptions>("make_dataset", MakeDatasetStep.Run,
            "--in-csv", rawCsv, "--out-dir", interim, "--min-rows", minRows.ToString(System.Globalization.CultureInfo.InvariantCulture)).Succeeded();
        RunTrainTest("clean_data", CleanDataStep.Run, interim, MakeDatasetStep.TrainFile, MakeDatasetStep.TestFile);
        RunTrainTest("extract_features", ExtractFeaturesStep.Run, interim, CleanDataStep.TrainFile, CleanDataStep.TestFile);
        RunTrainTest("transform_data", TransformDataStep.Run, interim, ExtractFeaturesStep.TrainFile, ExtractFeaturesStep.TestFile);
        RunTrainTest("impute_data", ImputeDataStep.Run, interim, TransformDataStep.TrainFile, TransformDataStep.TestFile);
    }

    private static void RunTrainTest(string stepName, Action<TrainTestStepOptions, StepContext> step, string interim, string train, string test) =>
        StepRun.Of(stepName, step, "--in-train-csv", Path.Combine(interim, train), "--in-test-csv", Path.Combine(interim, test), "--out-dir", interim).Succeeded();
}
