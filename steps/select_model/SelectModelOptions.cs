using CommandLine;
using WinePipeline.StepKit.Options;

namespace WinePipeline.Steps.SelectModel;

/// <summary>Command line of select_model: the variant folders to compare. It reads nothing else,
/// in particular no test data: the choice rests on the validation scores alone.</summary>
public sealed class SelectModelOptions : FlaggedStepOptions
{
    [Option("in-variant", Required = true, HelpText = "A variant's folder, holding the validation.json and model.zip of train_model --validation-fraction; repeat the option for each variant.")]
    public IEnumerable<string> InVariants { get; set; } = [];
}
