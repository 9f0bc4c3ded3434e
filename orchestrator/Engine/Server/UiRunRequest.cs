using System.Globalization;
using System.Text.Json;
using Orchestrator.Graph;

namespace Orchestrator.Server;

/// <summary>
/// The body of POST /api/runs: {"target": "TASK", "force": "TASK" | true, "parameters": {"name": "value"}},
/// every field optional (an empty body runs the server's own target), checked against the graph
/// before anything starts.
/// </summary>
internal sealed record UiRunRequest(string? Target, string? Force, bool ForceTarget, IReadOnlyDictionary<string, string> Parameters)
{
    public static UiRunRequest Empty { get; } = new(null, null, false, new Dictionary<string, string>());

    /// <exception cref="BadRunRequestException">The body is not such an object.</exception>
    public static UiRunRequest Parse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return Empty;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new BadRunRequestException("the body must be a JSON object: {\"target\": ..., \"force\": ..., \"parameters\": {...}}");
            }

            var unknown = root.EnumerateObject().Select(property => property.Name).FirstOrDefault(name => name is not ("target" or "force" or "parameters"));
            if (unknown is not null)
            {
                throw new BadRunRequestException($"unknown field '{unknown}'; a run takes target, force and parameters");
            }

            var force = Field(root, "force");
            return new UiRunRequest(
                Text(Field(root, "target"), "'target' must be a task name"),
                force is { ValueKind: JsonValueKind.True or JsonValueKind.False } ? null : Text(force, "'force' must be a task name, or true for the target"),
                force?.ValueKind == JsonValueKind.True,
                ParametersOf(Field(root, "parameters")));
        }
        catch (JsonException e)
        {
            throw new BadRunRequestException($"the body is not valid JSON: {e.Message}");
        }
    }

    /// <summary>The run for this request: the server's own, with this target, force and parameter values.</summary>
    /// <exception cref="BadRunRequestException">An unknown task or parameter, an empty value, or a forced task the target does not need.</exception>
    public Runs.RunRequest Apply(Runs.RunRequest defaults, Pipeline pipeline, TaskGraph graph)
    {
        var target = Known(graph, Target ?? defaults.Target ?? pipeline.DefaultTarget);
        var force = ForceTarget ? target : Force is null ? null : Known(graph, Force);
        if (force is not null && !graph.UpstreamOf([target]).Any(task => task.Id == force))
        {
            throw new BadRunRequestException(InvalidGraphException.ForcedTaskNotNeeded(force, target).Message);
        }

        var known = pipeline.Parameters.Select(parameter => parameter.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, value) in Parameters)
        {
            if (!known.Contains(name))
            {
                throw new BadRunRequestException($"unknown parameter '{name}'; known parameters: {string.Join(", ", known)}");
            }

            if (string.IsNullOrWhiteSpace(value))
            {
                throw new BadRunRequestException($"parameter '{name}' is empty");
            }
        }

        var parameters = defaults.Parameters.Concat(Parameters).GroupBy(pair => pair.Key).ToDictionary(group => group.Key, group => group.Last().Value, StringComparer.Ordinal);
        return defaults with { Target = target, Force = force, Parameters = parameters };
    }

    private static string Known(TaskGraph graph, string id)
    {
        try
        {
            return graph.Get(id).Id;
        }
        catch (InvalidGraphException e)
        {
            throw new BadRunRequestException(e.Message);
        }
    }

    private static JsonElement? Field(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static string? Text(JsonElement? value, string otherwise) => value switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } text => text.GetString(),
        _ => throw new BadRunRequestException(otherwise),
    };

    private static Dictionary<string, string> ParametersOf(JsonElement? value)
    {
        if (value is null)
        {
            return [];
        }

        if (value.Value.ValueKind != JsonValueKind.Object)
        {
            throw new BadRunRequestException("'parameters' must be an object of names and values");
        }

        return value.Value.EnumerateObject().ToDictionary(
            property => property.Name,
            property => property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString()!,
                JsonValueKind.Number => property.Value.GetRawText(),
                JsonValueKind.True or JsonValueKind.False => property.Value.GetBoolean().ToString(CultureInfo.InvariantCulture).ToLowerInvariant(),
                _ => throw new BadRunRequestException($"parameter '{property.Name}' must be a string, a number or a boolean"),
            },
            StringComparer.Ordinal);
    }
}
