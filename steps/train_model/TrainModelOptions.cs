using CommandLine;
using WinePipeline.StepKit.Options;

namespace WinePipeline.Steps.TrainModel;

/// <summary>Command line of train_model: the training features and target; the model goes to --out-dir.</summary>
public sealed class TrainModelOptions : StepOptions
{
    [Option("in-train-features-csv", Required = true, HelpText = "The training features CSV (the 14 feature columns).")]
    public string InTrainFeaturesCsv { get; set; } = string.Empty;

    [Option("in-train-target-csv", Required = true, HelpText = "The training target CSV (one column, points).")]
    public string InTrainTargetCsv { get; set; } = string.Empty;
}
