namespace Orchestrator;

/// <summary>A pipeline parameter. Put it in a task's arguments (or in a string, as <c>${name}</c>) to use its value.</summary>
public sealed record ParameterRef(string Name)
{
    public override string ToString() => $"${{{Name}}}";
}

/// <summary>
/// A task's output file. Using it in another task's arguments makes that task depend on this one,
/// fingerprints the file as its input, and renders as the file's path where the task runs.
/// </summary>
public sealed record OutputRef(string TaskId, string Name)
{
    /// <summary>The output of every variant of a swept task, one argument each (for a <see cref="TaskBuilder.Join"/> task).</summary>
    public OutputRef All => this with { TaskId = $"{VariantIds.Base(TaskId)}[*]" };

    public override string ToString() => $"${{{TaskId}.{Name}}}";
}

/// <summary>Where a task's output files appear to the task (a staging folder the engine promotes from on success).</summary>
public static class Out
{
    /// <summary>Renders as the folder the task must write its outputs into.</summary>
    public const string Directory = "${out}";

    /// <summary>A file some task writes, by its path relative to the data root, as <c>${data:path}</c>.</summary>
    public static string Data(string relativePath) => $"${{data:{relativePath}}}";
}
