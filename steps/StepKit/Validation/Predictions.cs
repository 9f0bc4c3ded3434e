namespace WinePipeline.StepKit.Validation;

/// <summary>A forest whose trees could not split predicts NaN; such a prediction must never reach a model file or metrics.json.</summary>
public static class Predictions
{
    /// <summary>The 1-based row of the first prediction that is not a finite number, or null.</summary>
    public static int? FirstNonFinite(IReadOnlyList<float> predicted)
    {
        for (var row = 0; row < predicted.Count; row++)
        {
            if (!float.IsFinite(predicted[row]))
            {
                return row + 1;
            }
        }

        return null;
    }
}
