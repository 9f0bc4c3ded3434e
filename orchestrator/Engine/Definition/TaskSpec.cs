namespace Orchestrator.Definition;

/// <summary>A task as declared, its strings still templates; <see cref="PipelineCompiler"/> turns it into a graph node.</summary>
internal sealed class TaskSpec(string id, string? source)
{
    public string Id { get; } = id;

    /// <summary>Where it was declared ("pipeline.yaml:12"), for error messages; null for the C# API.</summary>
    public string? Source { get; } = source;

    public string? Image { get; set; }

    public List<string> Command { get; } = [];

    public List<string> Arguments { get; } = [];

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>The folder under the data root its outputs are promoted into; "" for the data root itself.</summary>
    public string OutputDirectory { get; set; } = string.Empty;

    /// <summary>Output name -> file name inside <see cref="OutputDirectory"/>, in declaration order.</summary>
    public List<KeyValuePair<string, string>> Outputs { get; } = [];

    public Completion Completion { get; set; } = Completion.Files;

    public bool NeedsNetwork { get; set; }

    public TaskResources Resources { get; set; } = TaskResources.None;

    public RetryPolicy Retry { get; set; } = RetryPolicy.Default;

    public TimeSpan? Timeout { get; set; }

    public List<string> Constraints { get; } = [];

    /// <summary>Globs (relative to the pipeline's base folder) of the files that are the task's code for the process executor.</summary>
    public List<string> Code { get; } = [];

    public LocalBuild? Build { get; set; }
}
