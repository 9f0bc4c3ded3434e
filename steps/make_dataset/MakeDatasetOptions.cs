using CommandLine;
using WinePipeline.StepKit.Options;

namespace WinePipeline.Steps.MakeDataset;

public sealed class MakeDatasetOptions : FlaggedStepOptions
{
    [Option("in-csv", Required = true, HelpText = "The raw wine-reviews CSV.")]
    public string InCsv { get; set; } = string.Empty;
}
