using Docker.DotNet;
using Orchestrator.Execution.Docker.Internal;
using Orchestrator.Fingerprints;
using Orchestrator.Graph;

namespace Orchestrator.Execution.Docker;

/// <summary>Looks up an image's id without an executor, for checking fingerprints in `status` and before a run.</summary>
internal static class DockerImageIds
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>The task's image id as a fingerprint's code version; null for a task without an image, or an engine without it.</summary>
    public static async Task<CodeVersion?> CodeVersionAsync(DockerClient client, TaskDefinition task, CancellationToken cancellation)
    {
        if (task.Image is not { } image)
        {
            return null;
        }

        try
        {
            var inspected = await client.Images.InspectImageAsync(image, cancellation);
            return new CodeVersion(CodeVersion.Image, image, inspected.ID);
        }
        catch (DockerApiException)
        {
            return null;
        }
    }

    /// <summary>The image's id, or null when the engine does not answer or has no such image (then it cannot be compared).</summary>
    public static string? TryGet(string image)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            using var client = DockerEndpoint.CreateClient(DockerEndpoint.FromEnvironment());
            // Planning is synchronous; a console app has no synchronization context to deadlock on.
            return client.Images.InspectImageAsync(image, timeout.Token).GetAwaiter().GetResult().ID;
        }
        catch (Exception e) when (e is DockerApiException or HttpRequestException or IOException or OperationCanceledException or TimeoutException)
        {
            return null;
        }
    }
}
