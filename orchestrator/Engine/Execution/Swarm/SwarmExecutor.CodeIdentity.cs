using Orchestrator.Execution.Docker;
using Orchestrator.Fingerprints;
using Orchestrator.Graph;

namespace Orchestrator.Execution.Swarm;

internal sealed partial class SwarmExecutor : ICodeIdentity
{
    /// <summary>The image's id on the manager; `docker save | docker load` keeps it the same on every node.</summary>
    public Task<CodeVersion?> CodeVersionAsync(TaskDefinition task, CancellationToken cancellation) =>
        DockerImageIds.CodeVersionAsync(manager, task, cancellation);
}
