using WinePipeline.StepKit.Csv;
using WinePipeline.StepKit.Hosting;
using WinePipeline.StepKit.Options;
using WinePipeline.StepKit.Output;

namespace WinePipeline.Steps.TransformData;

/// <summary>Replaces the categorical columns by ordinal codes fitted on the training set.</summary>
public static class TransformDataStep
{
    public const string TrainFile = "train_transformed.csv";
    public const string TestFile = "test_transformed.csv";

    public static int Main(string[] args) => StepHost.RunConsole<TrainTestStepOptions>("transform_data", args, Run);

    public static void Run(TrainTestStepOptions options, StepContext context)
    {
        using var train = CsvTableReader.Open(options.InTrainCsv, CategoryEncoding.Columns);
        using var test = CsvTableReader.Open(options.InTestCsv, CategoryEncoding.Columns);
        var encoding = CategoryEncoding.Fit(options.InTrainCsv, context);
        using var outputs = new StagedOutputs(options.OutDir);
        CsvRowPipeline.Run(train, encoding.MapperFor(train), outputs.Stage(TrainFile), context);
        CsvRowPipeline.Run(test, encoding.MapperFor(test), outputs.Stage(TestFile), context);
        outputs.Commit(options.Flag);
    }
}
