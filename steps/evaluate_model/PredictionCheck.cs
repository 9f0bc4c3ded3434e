using WinePipeline.StepKit;
using WinePipeline.StepKit.Validation;

namespace WinePipeline.Steps.EvaluateModel;

/// <summary>Refuses predictions that are not numbers, so that metrics.json only ever holds finite values.</summary>
internal static class PredictionCheck
{
    public static void RequireNumbers(IReadOnlyList<float> predicted, string modelPath, string featuresPath)
    {
        if (Predictions.FirstNonFinite(predicted) is { } row)
        {
            throw InvalidInputException.Invalid(modelPath,
                $"predicts {predicted[row - 1]} for row {row} of {featuresPath}; the model cannot be scored (was it trained on too few rows?)");
        }
    }
}
