using Docker.DotNet;
using Orchestrator.Execution.Docker.Internal;
using Orchestrator.Graph;

namespace Orchestrator.Execution.Docker;

internal sealed partial class DockerExecutor
{
    public async Task EnsureReadyAsync(IReadOnlyCollection<TaskDefinition> tasks, CancellationToken cancellation)
    {
        if (tasks.FirstOrDefault(task => task.Image is null) is { } local)
        {
            throw new ExecutorUnavailableException($"task {local.Id} has no image, only a local command; run it with --executor process, or give it an image");
        }

        // A host path that cannot be mounted fails here, before anything runs.
        _ = HostDataRoot.Of(Settings);
        if (await DockerEndpoint.PingAsync(client, cancellation) is { } reason)
        {
            throw DockerErrors.EngineUnreachable(engine, reason);
        }

        foreach (var image in tasks.Select(task => task.Image!).Distinct(StringComparer.Ordinal))
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
