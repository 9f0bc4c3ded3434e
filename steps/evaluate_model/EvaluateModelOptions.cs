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

    [Option("min-rows", Default = DefaultMinRows, HelpText = "Refuse to score fewer test rows (at least 1).")]
    public int MinRows { get; set; } = DefaultMinRows;

    /// <summary>With fewer rows the mean squared error says more about the rows drawn than about the model.</summary>
    public const int DefaultMinRows = 30;

    public override void Validate()
    {
        base.Validate();
        OptionChecks.AtLeast("--min-rows", MinRows, 1);
    }
}
