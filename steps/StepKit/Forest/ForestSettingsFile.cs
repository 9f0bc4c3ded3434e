using System.Text.Json;

namespace WinePipeline.StepKit.Forest;

/// <summary>
/// The --params-file format, which select_model writes for the chosen variant and validation.json
/// embeds as "params": a JSON object of settings by their camelCase names, e.g.
/// {"trees": 100, "leaves": 1000, "bins": 256, "minPerLeaf": 2, "baggingFraction": 0.632,
/// "featureFractionPerSplit": 0.27, "seed": 42}. A field left out keeps its default.
/// </summary>
public static class ForestSettingsFile
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    public static string ToJson(ForestSettings settings) => JsonSerializer.Serialize(settings, Json);

    /// <summary>Reads a params file; every error names the file and, where there is one, the field.</summary>
    public static ForestSettings Read(string path, ForestSettings defaults)
    {
        if (!File.Exists(path))
        {
            throw InvalidInputException.FileNotFound(path);
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            return FromJson(document.RootElement, path, defaults);
        }
        catch (JsonException e)
        {
            throw InvalidInputException.Invalid(path, $"not valid JSON ({e.Message})");
        }
    }

    /// <summary>The settings in a JSON object; <paramref name="source"/> starts every error message.</summary>
    public static ForestSettings FromJson(JsonElement json, string source, ForestSettings defaults)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw InvalidInputException.Invalid(source, $"expected a JSON object of forest settings, found {json.ValueKind}");
        }

        var settings = defaults;
        foreach (var field in json.EnumerateObject())
        {
            var setting = ForestSettings.All.FirstOrDefault(s => s.JsonName == field.Name)
                ?? throw InvalidInputException.Invalid(source,
                    $"unknown setting '{field.Name}' (known: {string.Join(", ", ForestSettings.All.Select(s => s.JsonName))})");
            if (field.Value.ValueKind != JsonValueKind.Number)
            {
                throw InvalidInputException.Invalid(source, $"{field.Name} must be {setting.Range}, got {field.Value.GetRawText()}");
            }

            settings = setting.With(settings, field.Value.GetDouble(), $"{source}: {field.Name}");
        }

        return settings;
    }
}
