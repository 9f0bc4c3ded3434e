using System.Text.Json;
using Orchestrator.Execution;
using Orchestrator.Fingerprints;

namespace Orchestrator.Runs;

/// <summary>The parameter values last given for a data root, in .orchestrator/parameters.json; a value equal to its default is forgotten.</summary>
internal sealed class ParameterStore(string dataRoot, Pipeline pipeline)
{
    private string FilePath => Path.Combine(dataRoot, RunLogs.OrchestratorDirectory, "parameters.json");

    /// <summary>The remembered values; an unreadable file counts as none (and is replaced at the next run).</summary>
    public IReadOnlyDictionary<string, string> Read()
    {
        try
        {
            return File.Exists(FilePath) ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllBytes(FilePath)) ?? [] : [];
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return new Dictionary<string, string>();
        }
    }

    public void Remember(IEnumerable<ParameterValue> values)
    {
        var defaults = pipeline.Defaults();
        var kept = values
            .Where(value => value.Source is ParameterSource.CommandLine or ParameterSource.Environment or ParameterSource.Remembered && value.Value != defaults[value.Name])
            .ToDictionary(value => value.Name, value => value.Value, StringComparer.Ordinal);
        var current = Read();
        if (kept.Count == current.Count && kept.All(pair => current.GetValueOrDefault(pair.Key) == pair.Value))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        AtomicFile.Write(FilePath, JsonSerializer.SerializeToUtf8Bytes(kept, new JsonSerializerOptions { WriteIndented = true }));
    }
}
