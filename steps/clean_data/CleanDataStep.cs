using WinePipeline.StepKit.Csv;
using WinePipeline.StepKit.Hosting;
using WinePipeline.StepKit.Options;
using WinePipeline.StepKit.Output;

namespace WinePipeline.Steps.CleanData;

/// <summary>Drops unused columns, duplicate rows and rows without points, in train and test separately.</summary>
public static class CleanDataStep
{
    public const string TrainFile = "train_cleaned.csv";
    public const string TestFile = "test_cleaned.csv";

    public static int Main(string[] args) => StepHost.RunConsole<TrainTestStepOptions>("clean_data", args, Run);

    public static void Run(TrainTestStepOptions options, StepContext context)
    {
        using var train = CsvTableReader.Open(options.InTrainCsv, RowCleaner.RequiredColumns);
        using var test = CsvTableReader.Open(options.InTestCsv, RowCleaner.RequiredColumns);
        using var outputs = new StagedOutputs(options.OutDir);
        CsvRowPipeline.Run(train, new RowCleaner(train), outputs.Stage(TrainFile), context);
        CsvRowPipeline.Run(test, new RowCleaner(test), outputs.Stage(TestFile), context);
        outputs.Commit(options.Flag);
    }
}
