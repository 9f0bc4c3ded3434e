using Microsoft.ML;
using Microsoft.ML.Data;
using WinePipeline.StepKit;
using WinePipeline.StepKit.Validation;

namespace WinePipeline.Steps.TrainModel;

/// <summary>Scores the fitted forest on its own training rows before it is saved: on too few rows
/// its trees cannot split and it predicts NaN, which evaluate_model could not score.</summary>
internal static class FittedForestCheck
{
    public static void RequireNumbers(ITransformer model, IDataView trainingData, string featuresPath, int rows)
    {
        var predicted = model.Transform(trainingData).GetColumn<float>("Score").ToArray();
        if (Predictions.FirstNonFinite(predicted) is { } row)
        {
            throw InvalidInputException.Invalid(featuresPath,
                $"the forest fitted on these {rows} rows predicts {predicted[row - 1]} for row {row}: too few rows for its trees to split");
        }
    }
}
