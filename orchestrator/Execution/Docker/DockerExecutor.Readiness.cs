using Docker.DotNet;
using WinePipeline.Orchestrator.Execution.Docker.Internal;

namespace WinePipeline.Orchestrator.Execution.Docker;

public sealed partial class DockerExecutor
{
    public async Task EnsureReadyAsync(IReadOnlyCollection<TaskInvocation> invocations, CancellationToken cancellation)
    {
        // A host path that cannot be mounted fails here, before anything runs.
        _ = HostDataRoot.Of(Settings);
        if (await DockerEndpoint.PingAsync(client, cancellation) is { } reason)
        {
            throw DockerErrors.EngineUnreachable(engine, reason);
        }

        foreach (var image in invocations.Select(invocation => invocation.Image).Distinct(StringComparer.Ordinal))
        {
            try
            {
                await client.Images.InspectImageAsync(image, cancellation);
            }
            catch (DockerImageNotFoundException)
            {
                throw DockerErrors.ImageMissing(image);
            }
        }
    }
}
