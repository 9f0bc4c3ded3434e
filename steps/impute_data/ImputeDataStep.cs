using WinePipeline.StepKit.Csv;
using WinePipeline.StepKit.Hosting;
using WinePipeline.StepKit.Options;
using WinePipeline.StepKit.Output;

namespace WinePipeline.Steps.ImputeData;

/// <summary>Fills missing feature values with statistics of the training set and splits features from the target.</summary>
public static class ImputeDataStep
{
    public const string TrainFeaturesFile = "train_features.csv";
    public const string TestFeaturesFile = "test_features.csv";
    public const string TrainTargetFile = "train_target.csv";
    public const string TestTargetFile = "test_target.csv";

    public static int Main(string[] args) => StepHost.RunConsole<TrainTestStepOptions>("impute_data", args, Run);

    public static void Run(TrainTestStepOptions options, StepContext context)
    {
        using var train = CsvTableReader.Open(options.InTrainCsv, Imputation.RequiredColumns);
        using var test = CsvTableReader.Open(options.InTestCsv, Imputation.RequiredColumns);
        var imputation = Imputation.Fit(options.InTrainCsv, context);
        using var outputs = new StagedOutputs(options.OutDir);
        imputation.Write(train, outputs.Stage(TrainFeaturesFile), outputs.Stage(TrainTargetFile), context);
        imputation.Write(test, outputs.Stage(TestFeaturesFile), outputs.Stage(TestTargetFile), context);
        outputs.Commit(options.Flag);
    }
}
