using System.Text.Json;

namespace WinePipeline.Bench.ExperimentBench;

/// <summary>A variant as select_model's results.json records it.</summary>
internal sealed record VariantResult(string Id, int Trees, int Leaves, double ValidationMse, double TrainingSeconds, bool Chosen)
{
    public static IReadOnlyList<VariantResult> Read(string resultsJson)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(resultsJson));
        return document.RootElement.GetProperty("variants").EnumerateArray().Select(variant => new VariantResult(
            variant.GetProperty("id").GetString()!,
            variant.GetProperty("params").GetProperty("trees").GetInt32(),
            variant.GetProperty("params").GetProperty("leaves").GetInt32(),
            variant.GetProperty("validation").GetProperty("mse").GetDouble(),
            variant.GetProperty("trainingSeconds").GetDouble(),
            variant.GetProperty("chosen").GetBoolean())).ToList();
    }

    /// <summary>No other variant is at least as good in both MSE and training time and better in one.</summary>
    public bool IsOnParetoFront(IEnumerable<VariantResult> all) =>
        !all.Any(other => other != this && other.ValidationMse <= ValidationMse && other.TrainingSeconds <= TrainingSeconds
            && (other.ValidationMse < ValidationMse || other.TrainingSeconds < TrainingSeconds));
}
