using WinePipeline.StepKit.Hosting;
using WinePipeline.StepKit.Output;

namespace WinePipeline.Steps.MakeDataset;

/// <summary>Splits the raw file sequentially: the first tenth of the rows is the test set, the rest the training set.</summary>
public static class MakeDatasetStep
{
    public const string TrainFile = "train.csv";
    public const string TestFile = "test.csv";

    public static int Main(string[] args) => StepHost.RunConsole<MakeDatasetOptions>("make_dataset", args, Run);

    public static void Run(MakeDatasetOptions options, StepContext context)
    {
        var rows = RawDataset.CountValidRows(options.InCsv, context);
        var testRows = SequentialSplit.TestSize(options.InCsv, rows, options.MinRows);
        using var outputs = new StagedOutputs(options.OutDir);
        RawDataset.Split(options.InCsv, testRows, outputs.Stage(TestFile), outputs.Stage(TrainFile), context);
        outputs.Commit(options.Flag);
    }
}
