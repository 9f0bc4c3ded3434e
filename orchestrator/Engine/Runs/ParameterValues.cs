using Orchestrator.Definition;

namespace Orchestrator.Runs;

/// <summary>Where a parameter's value in force came from.</summary>
internal enum ParameterSource
{
    Default,
    Remembered,
    Environment,
    CommandLine,
}

/// <summary>A parameter's value in force and where it came from.</summary>
internal sealed record ParameterValue(string Name, string Value, ParameterSource Source);

/// <summary>
/// Resolves parameter values: -p name=value, else the parameter's environment variable, else the value
/// last given for this data root (as DVC's params file), else the default. Values given on the command
/// line or by the environment are remembered for the data root until they change.
/// </summary>
internal static class ParameterValues
{
    public static IReadOnlyList<ParameterValue> Resolve(Pipeline pipeline, IReadOnlyDictionary<string, string> given, Func<string, string?> environment, IReadOnlyDictionary<string, string> remembered)
    {
        var unknown = given.Keys.FirstOrDefault(name => pipeline.Parameters.All(parameter => parameter.Name != name));
        if (unknown is not null)
        {
            throw new InvalidPipelineException([
                $"unknown parameter '{unknown}'; parameters of {pipeline.Name}: {(pipeline.Parameters.Count == 0 ? "(none)" : string.Join(", ", pipeline.Parameters.Select(parameter => parameter.Name)))}"]);
        }

        return pipeline.Parameters.Select(parameter => Resolve(parameter, given, environment, remembered)).ToList();
    }

    private static ParameterValue Resolve(ParameterSpec parameter, IReadOnlyDictionary<string, string> given, Func<string, string?> environment, IReadOnlyDictionary<string, string> remembered) =>
        given.TryGetValue(parameter.Name, out var value) ? new(parameter.Name, value, ParameterSource.CommandLine)
        : parameter.EnvironmentVariable is { } variable && environment(variable) is { Length: > 0 } fromEnvironment ? new(parameter.Name, fromEnvironment, ParameterSource.Environment)
        : remembered.TryGetValue(parameter.Name, out var last) ? new(parameter.Name, last, ParameterSource.Remembered)
        : new(parameter.Name, parameter.Default, ParameterSource.Default);

    public static IReadOnlyDictionary<string, string> AsDictionary(this IEnumerable<ParameterValue> values) =>
        values.ToDictionary(value => value.Name, value => value.Value, StringComparer.Ordinal);
}
