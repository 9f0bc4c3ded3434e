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

    /// <summary>The sweep: each name's values; the task (and what follows it up to a join) runs once per combination.</summary>
    public List<KeyValuePair<string, List<string>>> Matrix { get; } = [];

    /// <summary>Takes the outputs of every variant of a sweep (<c>${Task[*].output}</c>) and runs when at least one succeeded.</summary>
    public bool IsJoin { get; set; }

    /// <summary>For a variant: the sweep's task id and the values it runs with.</summary>
    public string? Group { get; set; }

    public SortedDictionary<string, string> Variant { get; } = new(StringComparer.Ordinal);

    public TaskSpec CopyAs(string id)
    {
        var copy = new TaskSpec(id, Source)
        {
            Image = Image,
            OutputDirectory = OutputDirectory,
            Completion = Completion,
            NeedsNetwork = NeedsNetwork,
            Resources = Resources,
            Retry = Retry,
            Timeout = Timeout,
            Build = Build,
            IsJoin = IsJoin,
            Group = Group,
        };
        copy.Command.AddRange(Command);
        copy.Arguments.AddRange(Arguments);
        copy.Outputs.AddRange(Outputs);
        copy.Constraints.AddRange(Constraints);
        copy.Code.AddRange(Code);
        foreach (var (name, value) in Environment)
        {
            copy.Environment[name] = value;
        }

        foreach (var (name, value) in Variant)
        {
            copy.Variant[name] = value;
        }

        return copy;
    }
}
