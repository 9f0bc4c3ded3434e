using Orchestrator.Graph;

namespace Orchestrator.Fingerprints;

/// <summary>Which build of a task's code ran it: an image's id, or the hash of its declared local code.</summary>
/// <param name="Kind"><see cref="Image"/> or <see cref="Code"/>.</param>
/// <param name="Name">The image ("busybox:1") or the task id for local code.</param>
/// <param name="Id">The image id ("sha256:...") or the SHA-256 over the code files.</param>
/// <param name="Location">The built program's path for local code, when it has a build.</param>
/// <param name="Files">For local code: each code file (relative to the pipeline's base folder) and its SHA-256.</param>
internal sealed record CodeVersion(string Kind, string Name, string Id, string? Location = null, SortedDictionary<string, string>? Files = null)
{
    public const string Image = "image";
    public const string Code = "code";

    /// <summary>"image busybox:1" or "code of TrainModel".</summary>
    public override string ToString() => Kind == Code ? $"code of {Name}" : $"{Kind} {Name}";
}

/// <summary>Implemented by executors that can say which build of a task's code they run.</summary>
internal interface ICodeIdentity
{
    /// <summary>The code the executor would run for this task; null when it cannot tell.</summary>
    Task<CodeVersion?> CodeVersionAsync(TaskDefinition task, CancellationToken cancellation);
}
