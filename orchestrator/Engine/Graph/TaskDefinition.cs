namespace Orchestrator.Graph;

/// <summary>
/// One node of the task graph, compiled from a pipeline definition with its parameter values in
/// place: what it needs, what it produces and how to run it. Paths are relative to the data root.
/// </summary>
/// <param name="Id">Unique task id, e.g. "TrainModel".</param>
/// <param name="DependsOn">Ids of the tasks whose outputs this task reads (from its data references).</param>
/// <param name="Outputs">What marks it complete: its flag, or its output files.</param>
/// <param name="Parameters">The parameters it uses, with their values; a change makes it stale.</param>
internal sealed record TaskDefinition(
    string Id,
    IReadOnlyList<string> DependsOn,
    IReadOnlyList<TaskOutput> Outputs,
    IReadOnlyDictionary<string, string> Parameters)
{
    /// <summary>The container image (docker, swarm); null when it runs only as a local command.</summary>
    public string? Image { get; init; }

    /// <summary>The local program and its first arguments (process executor); empty: the first argument is the program.</summary>
    public IReadOnlyList<TaskArgument> Command { get; init; } = [];

    public IReadOnlyList<TaskArgument> Arguments { get; init; } = [];

    public IReadOnlyDictionary<string, TaskArgument> Environment { get; init; } = new Dictionary<string, TaskArgument>();

    /// <summary>Where its outputs are promoted to, relative to the data root ("" for the root itself).</summary>
    public string OutputDirectory { get; init; } = string.Empty;

    /// <summary>Data files the task reads; their content is part of its fingerprint.</summary>
    public IReadOnlyList<string> Inputs { get; init; } = [];

    /// <summary>Its declared outputs by name ("model" -> "output/model.zip").</summary>
    public IReadOnlyDictionary<string, string> NamedOutputs { get; init; } = new Dictionary<string, string>();

    /// <summary>Every data file the task writes, each under <see cref="OutputDirectory"/>.</summary>
    public IReadOnlyList<string> Produces { get; init; } = [];

    public bool NeedsNetwork { get; init; }

    public TaskResources Resources { get; init; } = TaskResources.None;

    public RetryPolicy Retry { get; init; } = RetryPolicy.Default;

    public TimeSpan? Timeout { get; init; }

    public IReadOnlyList<string> Constraints { get; init; } = [];

    /// <summary>What its code is when it runs as a local process, and how that program is built.</summary>
    public LocalCode? Code { get; init; }

    /// <summary>The pipeline's base folder: where local commands start and relative code globs begin.</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>The sweep a variant belongs to ("TrainModel" for "TrainModel[trees=100]"); null for a plain task.</summary>
    public string? Group { get; init; }

    /// <summary>A variant's values ("trees" -> "100"); empty for a plain task.</summary>
    public IReadOnlyDictionary<string, string> VariantValues { get; init; } = new Dictionary<string, string>();

    /// <summary>A join runs when at least one variant of each sweep it reads succeeded; the failed ones' arguments are left out.</summary>
    public bool IsJoin { get; init; }

    /// <summary>Every data file the task writes: <see cref="Produces"/> and its file outputs.</summary>
    public IEnumerable<string> DataFiles =>
        Produces.Concat(Outputs.Where(output => output.Kind == TaskOutputKind.File).Select(output => output.Path)).Distinct(StringComparer.Ordinal);

    /// <summary>What ran, in words: "image busybox" or the command.</summary>
    public string Describe(string dataRoot) => Image is not null ? $"image {Image}" : $"command {string.Join(' ', Command.Concat(Arguments).Select(argument => argument.Render(dataRoot, Id)))}";
}

/// <summary>A task's local code: globs relative to <see cref="BaseDirectory"/>, and the build that makes its program.</summary>
internal sealed record LocalCode(string BaseDirectory, IReadOnlyList<string> Globs, LocalBuild? Build)
{
    /// <summary>The built program's absolute path, when there is a build.</summary>
    public string? BuildOutput => Build is null ? null : Path.GetFullPath(Build.Output, BaseDirectory);
}
