using System.Text.Json;

namespace Orchestrator.Scheduling;

/// <summary>
/// Reads a schedules file: a JSON array such as
/// <c>[{"cron": "0 0 3 * * ?", "task": "Report", "parameters": {"rows": "100"}}]</c>;
/// only "cron" is required. Every problem is an <see cref="InvalidScheduleException"/> naming the file and the entry.
/// </summary>
internal static class SchedulesFile
{
    private static readonly string[] Fields = ["cron", "task", "parameters"];

    public static IReadOnlyList<ScheduleDefinition> Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw InvalidScheduleException.InFile(path, $"cannot read the schedules file: {e.Message}");
        }

        return Parse(path, text);
    }

    public static IReadOnlyList<ScheduleDefinition> Parse(string path, string json)
    {
        using var document = ParseJson(path, json);
        if (document.RootElement.ValueKind != JsonValueKind.Array || document.RootElement.GetArrayLength() == 0)
        {
            throw InvalidScheduleException.InFile(path, """expected a non-empty JSON array of schedules, e.g. [{"cron": "0 0 3 * * ?"}]""");
        }

        return document.RootElement.EnumerateArray().Select((entry, index) => ParseEntry(path, index, entry)).ToList();
    }

    private static JsonDocument ParseJson(string path, string json)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw InvalidScheduleException.InFile(path, $"not valid JSON at line {e.LineNumber + 1}");
        }
    }

    private static ScheduleDefinition ParseEntry(string path, int index, JsonElement entry)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            throw InvalidScheduleException.InEntry(path, index, $"expected an object with \"cron\", got {entry.ValueKind.ToString().ToLowerInvariant()}");
        }

        var unknown = entry.EnumerateObject().FirstOrDefault(property => !Fields.Contains(property.Name, StringComparer.OrdinalIgnoreCase));
        if (unknown.Value.ValueKind != JsonValueKind.Undefined)
        {
            throw InvalidScheduleException.InEntry(path, index, $"unknown field \"{unknown.Name}\"; the fields are {string.Join(", ", Fields)}");
        }

        var cron = ReadString(path, index, entry, "cron")
            ?? throw InvalidScheduleException.InEntry(path, index, "\"cron\" is missing");
        var schedule = new ScheduleDefinition(cron, ReadString(path, index, entry, "task")) { Parameters = ReadParameters(path, index, entry) };
        try
        {
            return schedule.Validate();
        }
        catch (InvalidScheduleException e)
        {
            throw InvalidScheduleException.InEntry(path, index, e.Message);
        }
    }

    private static Dictionary<string, string> ReadParameters(string path, int index, JsonElement entry)
    {
        var property = entry.EnumerateObject().FirstOrDefault(property => property.Name.Equals("parameters", StringComparison.OrdinalIgnoreCase));
        if (property.Value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return [];
        }

        if (property.Value.ValueKind != JsonValueKind.Object || property.Value.EnumerateObject().Any(value => value.Value.ValueKind != JsonValueKind.String))
        {
            throw InvalidScheduleException.InEntry(path, index, "\"parameters\" must be an object of names to string values, e.g. {\"rows\": \"100\"}");
        }

        return property.Value.EnumerateObject().ToDictionary(value => value.Name, value => value.Value.GetString()!, StringComparer.Ordinal);
    }

    private static string? ReadString(string path, int index, JsonElement entry, string field)
    {
        var property = entry.EnumerateObject().FirstOrDefault(property => property.Name.Equals(field, StringComparison.OrdinalIgnoreCase));
        return property.Value.ValueKind switch
        {
            JsonValueKind.Undefined or JsonValueKind.Null => null,
            JsonValueKind.String when !string.IsNullOrWhiteSpace(property.Value.GetString()) => property.Value.GetString(),
            _ => throw InvalidScheduleException.InEntry(path, index, $"\"{field}\" must be a non-empty string"),
        };
    }
}
