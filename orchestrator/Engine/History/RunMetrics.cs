using System.Text.Json;
using Orchestrator.Execution;

namespace Orchestrator.History;

/// <summary>
/// The pipeline's metrics file and plots, as its report declares them, copied per run into
/// data_root/.orchestrator/runs/&lt;run&gt;/ so a run's details still show its own figures after later runs overwrite them.
/// </summary>
internal static class RunMetrics
{
    public static string ArchiveDirectory(string dataRoot, string runId) =>
        Path.Combine(dataRoot, RunLogs.OrchestratorDirectory, "runs", runId);

    /// <summary>Copies the metrics file and plots (paths relative to the data root) into the run's archive; returns the metrics text, if any.</summary>
    public static string? Archive(string dataRoot, string runId, string? metricsPath, IEnumerable<string> plotPaths)
    {
        var archive = Directory.CreateDirectory(ArchiveDirectory(dataRoot, runId)).FullName;
        foreach (var plot in plotPaths.Select(path => Path.Combine(dataRoot, path)).Where(File.Exists))
        {
            File.Copy(plot, Path.Combine(archive, Path.GetFileName(plot)), overwrite: true);
        }

        var metrics = metricsPath is null ? null : Path.Combine(dataRoot, metricsPath);
        if (metrics is null || !File.Exists(metrics))
        {
            return null;
        }

        File.Copy(metrics, Path.Combine(archive, Path.GetFileName(metrics)), overwrite: true);
        return File.ReadAllText(metrics);
    }

    /// <summary>The plots archived for a run, by file name.</summary>
    public static IReadOnlyList<string> Plots(string dataRoot, string runId)
    {
        var archive = ArchiveDirectory(dataRoot, runId);
        return Directory.Exists(archive)
            ? Directory.EnumerateFiles(archive, "*.png").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];
    }

    private static void Collect(JsonElement element, string prefix, Dictionary<string, double> numbers)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in element.EnumerateObject())
        {
            var name = prefix + property.Name;
            if (property.Value.ValueKind == JsonValueKind.Number)
            {
                numbers[name] = property.Value.GetDouble();
            }
            else
            {
                Collect(property.Value, $"{name}.", numbers);
            }
        }
    }

    /// <summary>Every number in a metrics JSON object, by name (nested objects' as "outer.inner"); empty when the text is not one.</summary>
    public static IReadOnlyDictionary<string, double> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new Dictionary<string, double>();
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var numbers = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
            Collect(document.RootElement, string.Empty, numbers);
            return numbers;
        }
        catch (JsonException)
        {
            return new Dictionary<string, double>();
        }
    }
}
