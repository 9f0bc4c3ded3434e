using System.Text.Json;

namespace WinePipeline.Orchestrator.History;

/// <summary>
/// EvaluateModel's metrics.json and plots, copied per run into data_root/.orchestrator/runs/&lt;run&gt;/
/// so a run's details still show its own figures after later runs overwrite output/.
/// </summary>
public static class RunMetrics
{
    public const string EvaluateTask = "EvaluateModel";
    public const string OutputDirectory = "output";
    public const string MetricsFile = "metrics.json";

    public static string ArchiveDirectory(string dataRoot, string runId) =>
        Path.Combine(dataRoot, Execution.RunLogs.OrchestratorDirectory, "runs", runId);

    /// <summary>Copies output/metrics.json and output/*.png into the run's archive; returns the metrics text, if any.</summary>
    public static string? Archive(string dataRoot, string runId)
    {
        var output = Path.Combine(dataRoot, OutputDirectory);
        var metricsPath = Path.Combine(output, MetricsFile);
        if (!File.Exists(metricsPath))
        {
            return null;
        }

        var archive = Directory.CreateDirectory(ArchiveDirectory(dataRoot, runId)).FullName;
        foreach (var file in Directory.EnumerateFiles(output, "*.png").Append(metricsPath))
        {
            File.Copy(file, Path.Combine(archive, Path.GetFileName(file)), overwrite: true);
        }

        return File.ReadAllText(metricsPath);
    }

    /// <summary>The plots archived for a run, by file name.</summary>
    public static IReadOnlyList<string> Plots(string dataRoot, string runId)
    {
        var archive = ArchiveDirectory(dataRoot, runId);
        return Directory.Exists(archive)
            ? Directory.EnumerateFiles(archive, "*.png").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];
    }

    /// <summary>Every number in a metrics.json, by name; empty when the text is not a JSON object.</summary>
    public static IReadOnlyDictionary<string, double> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new Dictionary<string, double>();
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind != JsonValueKind.Object
                ? new Dictionary<string, double>()
                : document.RootElement.EnumerateObject()
                    .Where(property => property.Value.ValueKind == JsonValueKind.Number)
                    .ToDictionary(property => property.Name, property => property.Value.GetDouble(), StringComparer.OrdinalIgnoreCase);
        }
        catch (JsonException)
        {
            return new Dictionary<string, double>();
        }
    }
}
