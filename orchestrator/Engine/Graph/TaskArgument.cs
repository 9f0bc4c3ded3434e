using Orchestrator.Execution.Staging;

namespace Orchestrator.Graph;

/// <summary>
/// One argument of a task, its parameters already in place: literal text and data paths, which are
/// rendered where the task runs (under /usr/share/data in a container, the data root on this machine).
/// </summary>
internal sealed record TaskArgument(IReadOnlyList<ArgumentPart> Parts)
{
    /// <summary>In a join: the variant whose output this argument names; left out when that variant failed.</summary>
    public string? Variant { get; init; }

    public static implicit operator TaskArgument(string literal) => new([new ArgumentPart(ArgumentPartKind.Literal, literal)]);

    /// <param name="dataRoot">The data root as the task sees it.</param>
    public string Render(string dataRoot, string taskId) => string.Concat(Parts.Select(part => part.Kind switch
    {
        ArgumentPartKind.DataPath => Join(dataRoot, part.Value),
        ArgumentPartKind.OutDirectory => Join(dataRoot, StagingPaths.StagingRelative(taskId)),
        _ => part.Value,
    }));

    public override string ToString() => Render("${data}", "${task}");

    private static string Join(string root, string relative) => relative.Length == 0 ? root : $"{root.TrimEnd('/')}/{relative}";
}

internal enum ArgumentPartKind
{
    Literal,

    /// <summary>A file relative to the data root.</summary>
    DataPath,

    /// <summary>The task's staging folder, where it writes its outputs.</summary>
    OutDirectory,
}

internal sealed record ArgumentPart(ArgumentPartKind Kind, string Value);
