namespace WinePipeline.Orchestrator.Fingerprints;

/// <summary>Which build of a step's code ran a task: a step image's id, or the hash of a published step program.</summary>
/// <param name="Kind"><see cref="Image"/> or <see cref="Step"/>.</param>
/// <param name="Name">"wine/train-model:0.1" for an image, "train_model" for a step program.</param>
/// <param name="Id">The image id ("sha256:...") or the SHA-256 of the step's dll.</param>
/// <param name="Location">The dll's path for a step program, so its current hash can be taken without an executor.</param>
public sealed record CodeVersion(string Kind, string Name, string Id, string? Location = null)
{
    public const string Image = "image";
    public const string Step = "step";

    /// <summary>"image wine/train-model:0.1" or "step train_model".</summary>
    public override string ToString() => $"{Kind} {Name}";
}

/// <summary>Implemented by executors that can say which build of a step's code they run.</summary>
public interface ICodeIdentity
{
    /// <summary>The code the executor would run for this step and image; null when it cannot tell.</summary>
    Task<CodeVersion?> CodeVersionAsync(string step, string image, CancellationToken cancellation);
}
