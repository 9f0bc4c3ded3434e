using WinePipeline.StepKit.Csv;
using WinePipeline.StepKit.Hosting;
using WinePipeline.StepKit.Options;
using WinePipeline.StepKit.Output;

namespace WinePipeline.Steps.ExtractFeatures;

/// <summary>Adds the colour/style flags, the vintage year and the blend flag; drops description and title.</summary>
public static class ExtractFeaturesStep
{
    public const string TrainFile = "train_features_extracted.csv";
    public const string TestFile = "test_features_extracted.csv";

    public static int Main(string[] args) => StepHost.RunConsole<TrainTestStepOptions>("extract_features", args, Run);

    public static void Run(TrainTestStepOptions options, StepContext context)
    {
        var currentYear = context.Time.GetUtcNow().Year;
        using var train = CsvTableReader.Open(options.InTrainCsv, FeatureExtractor.RequiredColumns);
        using var test = CsvTableReader.Open(options.InTestCsv, FeatureExtractor.RequiredColumns);
        using var outputs = new StagedOutputs(options.OutDir);
        CsvRowPipeline.Run(train, new FeatureExtractor(train, currentYear), outputs.Stage(TrainFile), context);
        CsvRowPipeline.Run(test, new FeatureExtractor(test, currentYear), outputs.Stage(TestFile), context);
        outputs.Commit(options.Flag);
    }
}
