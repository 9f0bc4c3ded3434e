using System.Text.Json;

namespace WinePipeline.StepKit.Metrics;

/// <summary>How well the predictions match the actual points; evaluate_model writes it as
/// metrics.json, train_model as the validation scores in validation.json.</summary>
public sealed record ModelMetrics(double Mse, double Rmse, double Mae, double R2, int Rows)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static ModelMetrics Compute(IReadOnlyList<float> actual, IReadOnlyList<float> predicted)
    {
        if (actual.Count != predicted.Count || actual.Count == 0)
        {
            throw new ArgumentException($"need as many predictions as actual values, at least one; got {predicted.Count} and {actual.Count}");
        }

        var mean = actual.Average(a => (double)a);
        double squaredErrors = 0, absoluteErrors = 0, squaredDeviations = 0;
        for (var i = 0; i < actual.Count; i++)
        {
            var error = (double)actual[i] - predicted[i];
            squaredErrors += error * error;
            absoluteErrors += Math.Abs(error);
            squaredDeviations += (actual[i] - mean) * (actual[i] - mean);
        }

        var mse = squaredErrors / actual.Count;
        return new ModelMetrics(mse, Math.Sqrt(mse), absoluteErrors / actual.Count, R2Score(squaredErrors, squaredDeviations), actual.Count);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    // As scikit-learn's r2_score: 1 - SS_res / SS_tot; for a constant target it is 1 when the
    // predictions are perfect and 0 otherwise, rather than undefined.
    private static double R2Score(double squaredErrors, double squaredDeviations) =>
        squaredDeviations > 0 ? 1 - (squaredErrors / squaredDeviations)
        : squaredErrors == 0 ? 1
        : 0;
}
