using WinePipeline.Orchestrator.Execution.Docker;
using WinePipeline.Orchestrator.Fingerprints;

namespace WinePipeline.Orchestrator.Execution.Swarm;

public sealed partial class SwarmExecutor : ICodeIdentity
{
    /// <summary>The image's id on the manager; `docker save | docker load` keeps it the same on every node.</summary>
    public Task<CodeVersion?> CodeVersionAsync(string step, string image, CancellationToken cancellation) =>
        DockerImageIds.CodeVersionAsync(manager, image, cancellation);
}
