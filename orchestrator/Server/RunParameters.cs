using WinePipeline.Orchestrator.Cli;
using WinePipeline.Orchestrator.Pipeline;

namespace WinePipeline.Orchestrator.Server;

/// <summary>
/// The values a run started from the server may set, named as the `run` options that set them.
/// Tied to the wine pipeline's <see cref="PipelineParameters"/>; the one place to change when
/// pipelines declare their own parameters.
/// </summary>
internal static class RunParameters
{
    private static readonly Dictionary<string, (Func<PipelineParameters, string> Current, Action<RunOptions, string> Set)> Known = new(StringComparer.Ordinal)
    {
        ["dataset-url"] = (parameters => parameters.DatasetUrl, (options, value) => options.DatasetUrl = value),
        ["image-version"] = (parameters => parameters.ImageVersion, (options, value) => options.ImageVersion = value),
        ["image-prefix"] = (parameters => parameters.ImagePrefix, (options, value) => options.ImagePrefix = value),
    };

    /// <summary>Each parameter with the value the server's own runs use.</summary>
    public static IReadOnlyDictionary<string, string> Defaults(PipelineParameters parameters) =>
        Known.ToDictionary(entry => entry.Key, entry => entry.Value.Current(parameters), StringComparer.Ordinal);

    /// <summary>Sets each value on <paramref name="options"/>; an unknown name or an empty value is a bad request.</summary>
    public static void Apply(RunOptions options, IReadOnlyDictionary<string, string> values)
    {
        foreach (var (name, value) in values)
        {
            if (!Known.TryGetValue(name, out var parameter))
            {
                throw new BadRunRequestException($"unknown parameter '{name}'; known parameters: {string.Join(", ", Known.Keys)}");
            }

            parameter.Set(options, string.IsNullOrWhiteSpace(value) ? throw new BadRunRequestException($"parameter '{name}' is empty") : value);
        }
    }
}
