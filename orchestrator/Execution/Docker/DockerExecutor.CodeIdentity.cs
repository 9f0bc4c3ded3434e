using WinePipeline.Orchestrator.Fingerprints;

namespace WinePipeline.Orchestrator.Execution.Docker;

public sealed partial class DockerExecutor : ICodeIdentity
{
    /// <summary>The image's id: rebuilding the image under the same tag changes it.</summary>
    public Task<CodeVersion?> CodeVersionAsync(string step, string image, CancellationToken cancellation) =>
        DockerImageIds.CodeVersionAsync(client, image, cancellation);
}
