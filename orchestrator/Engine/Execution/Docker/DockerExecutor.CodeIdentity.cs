using Orchestrator.Fingerprints;
using Orchestrator.Graph;

namespace Orchestrator.Execution.Docker;

internal sealed partial class DockerExecutor : ICodeIdentity
{
    /// <summary>The image's id: rebuilding the image under the same tag changes it.</summary>
    public Task<CodeVersion?> CodeVersionAsync(TaskDefinition task, CancellationToken cancellation) =>
        DockerImageIds.CodeVersionAsync(client, task, cancellation);
}
