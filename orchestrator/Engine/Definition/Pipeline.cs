using Orchestrator.Definition;
using Orchestrator.Graph;

namespace Orchestrator;

/// <summary>A checked pipeline definition, from <see cref="PipelineBuilder.Build"/> or a pipeline file.</summary>
public sealed class Pipeline
{
    internal Pipeline(string name, IReadOnlyList<ParameterSpec> parameters, IReadOnlyList<TaskSpec> tasks, ReportSpec report, string? defaultTarget, string baseDirectory)
    {
        Name = name;
        Parameters = parameters;
        Tasks = tasks;
        Report = report;
        DefaultTarget = defaultTarget ?? tasks.LastOrDefault()?.Id ?? string.Empty;
        BaseDirectory = baseDirectory;
    }

    public string Name { get; }

    public ReportSpec Report { get; }

    /// <summary>The task `run` brings up to date when none is named.</summary>
    public string DefaultTarget { get; }

    public string BaseDirectory { get; }

    /// <summary>The file it was loaded from, when it came from one.</summary>
    public string? SourceFile { get; internal init; }

    internal IReadOnlyList<ParameterSpec> Parameters { get; }

    internal IReadOnlyList<TaskSpec> Tasks { get; }

    internal IReadOnlyDictionary<string, string> Defaults() =>
        Parameters.ToDictionary(parameter => parameter.Name, parameter => parameter.Default, StringComparer.Ordinal);

    /// <summary>The task graph with these parameter values; a parameter not given has its default.</summary>
    internal TaskGraph Resolve(IReadOnlyDictionary<string, string> values)
    {
        var all = new Dictionary<string, string>(Defaults(), StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            all[name] = value;
        }

        return PipelineCompiler.Compile(this, all);
    }
}
