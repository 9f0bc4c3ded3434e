using CommandLine;
using WinePipeline.StepKit.Options;

namespace WinePipeline.Steps.EvaluateModel;

/// <summary>Command line of evaluate_model: the test features and target and the trained model.</summary>
public sealed class EvaluateModelOptions : FlaggedStepOptions
{
    [Option("in-test-features-csv", Required = true, HelpText = "The test features CSV (the 14 feature columns).")]
    public string InTestFeaturesCsv { get; set; } = string.Empty;

    [Option("in-test-target-csv", Required = true, HelpText = "The test target CSV (one column, points).")]
    public string InTestTargetCsv { get; set; } = string.Empty;

    [Option("in-trained-model", Required = true, HelpText = "The model written by train_model (model.zip).")]
    public string InTrainedModel { get; set; } = string.Empty;
}
