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

    [Option("min-rows", Default = DefaultMinRows, HelpText = "Refuse to train on fewer rows (at least 2).")]
    public int MinRows { get; set; } = DefaultMinRows;

    /// <summary>Below about a hundred rows a forest of deep trees only memorises; the real sample trains on 9,000.</summary>
    public const int DefaultMinRows = 100;

    public override void Validate()
    {
        base.Validate();
        OptionChecks.AtLeast("--min-rows", MinRows, 2);
    }
}
