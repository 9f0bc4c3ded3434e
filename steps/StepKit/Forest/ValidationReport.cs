using System.Text.Json;
using WinePipeline.StepKit.Metrics;

namespace WinePipeline.StepKit.Forest;

/// <summary>
/// validation.json, which train_model writes in validation mode and select_model reads: the
/// settings, the scores on the validation rows, how many rows were trained on, how long the fit
/// took and the process's peak resident memory (null where it cannot be measured).
/// </summary>
public sealed record ValidationReport(
    ForestSettings Params,
    ModelMetrics Validation,
    int TrainingRows,
    double TrainingSeconds,
    long? PeakRssBytes)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads and checks a validation.json; any problem is an input error naming the file.</summary>
    public static ValidationReport Read(string path)
    {
        if (!File.Exists(path))
        {
            throw InvalidInputException.FileNotFound(path);
        }

        ValidationReport report;
        try
        {
            report = JsonSerializer.Deserialize<ValidationReport>(File.ReadAllText(path), Json)
                ?? throw InvalidInputException.Invalid(path, "holds null, not a validation report");
        }
        catch (JsonException e)
        {
            throw InvalidInputException.Invalid(path, $"not a validation report written by train_model ({e.Message})");
        }

        report.Params.Validated(path);
        if (!(report.Validation.Mse >= 0) || report.Validation.Rows <= 0 || report.TrainingRows <= 0 || !(report.TrainingSeconds >= 0))
        {
            throw InvalidInputException.Invalid(path, "has a negative or empty score, row count or training time");
        }

        return report;
    }
}
