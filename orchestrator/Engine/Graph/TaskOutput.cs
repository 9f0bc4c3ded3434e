namespace Orchestrator.Graph;

internal enum TaskOutputKind
{
    /// <summary>A data file the task writes.</summary>
    File,

    /// <summary>A .SUCCESS_&lt;Task&gt; flag written last, after all the task's files.</summary>
    Flag,
}

/// <summary>Something a task leaves in data_root; <see cref="Path"/> is relative to data_root, with '/' separators.</summary>
internal sealed record TaskOutput(string Path, TaskOutputKind Kind)
{
    public static TaskOutput File(string path) => new(path, TaskOutputKind.File);

    public static TaskOutput Flag(string path) => new(path, TaskOutputKind.Flag);

    public override string ToString() => Path;
}
