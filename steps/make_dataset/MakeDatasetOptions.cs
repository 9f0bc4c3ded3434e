using CommandLine;
using WinePipeline.StepKit.Options;

namespace WinePipeline.Steps.MakeDataset;

public sealed class MakeDatasetOptions : FlaggedStepOptions
{
    /// <summary>A tenth of it is 30 test rows, evaluate_model's default minimum, and the rest
    /// 270 training rows, above train_model's 100. Duplicates dropped later count against both.</summary>
    public const int DefaultMinRows = 300;

    [Option("in-csv", Required = true, HelpText = "The raw wine-reviews CSV.")]
    public string InCsv { get; set; } = string.Empty;

    [Option("min-rows", Default = DefaultMinRows, HelpText = "Refuse a raw file with fewer data rows (at least 10, so that the test tenth has a row).")]
    public int MinRows { get; set; } = DefaultMinRows;

    public override void Validate()
    {
        base.Validate();
        OptionChecks.AtLeast("--min-rows", MinRows, SequentialSplit.SmallestSplit);
    }
}
