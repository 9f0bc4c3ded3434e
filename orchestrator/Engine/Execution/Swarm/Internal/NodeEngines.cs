using Docker.DotNet;
using Orchestrator.Execution.Docker.Internal;
using Orchestrator.Execution.Failures;

namespace Orchestrator.Execution.Swarm.Internal;

/// <summary>Asks a node's own engine what the manager does not know: whether a container was OOM-killed.</summary>
/// <param name="template">The node engine's address with "{node}" for its hostname; null when nodes cannot be reached.</param>
internal sealed class NodeEngines(string? template)
{
    public const string NodePlaceholder = "{node}";

    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Checks the template first: a unix:// or tcp:// address once "{node}" is replaced.</summary>
    public static NodeEngines Of(string? template) =>
        template is null || (Uri.TryCreate(template.Replace(NodePlaceholder, "node", StringComparison.Ordinal), UriKind.Absolute, out var uri) && uri.Scheme is "unix" or "tcp")
            ? new NodeEngines(template)
            : throw SwarmErrors.BadNodeEngineTemplate(template);

    /// <summary>True or false as the node's engine says, or null when it cannot be asked.</summary>
    public async Task<bool?> WasOutOfMemoryAsync(string? node, string? containerId)
    {
        if (string.IsNullOrEmpty(containerId))
        {
            return null;
        }

        using var timeout = new CancellationTokenSource(AskTimeout);
        return await AskAsync(node, async engine => (await engine.Containers.InspectContainerAsync(containerId, timeout.Token)).State.OOMKilled);
    }

    /// <summary>The first of the images the node's engine does not hold; null when it holds all, or cannot be asked.</summary>
    public async Task<string?> FirstMissingImageAsync(string node, IEnumerable<string> images, CancellationToken cancellation)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(AskTimeout);
        foreach (var image in images)
        {
            var present = await AskAsync(node, async engine =>
            {
                try
                {
                    await engine.Images.InspectImageAsync(image, timeout.Token);
                    return true;
                }
                catch (DockerImageNotFoundException)
                {
                    return false;
                }
            });
            if (present == false)
            {
                return image;
            }
        }

        cancellation.ThrowIfCancellationRequested();
        return null;
    }

    private async Task<bool?> AskAsync(string? node, Func<DockerClient, Task<bool>> question)
    {
        if (template is null || string.IsNullOrEmpty(node))
        {
            return null;
        }

        try
        {
            using var engine = DockerEndpoint.CreateClient(DockerEndpoint.Resolve(template.Replace(NodePlaceholder, node, StringComparison.Ordinal)));
            return await question(engine);
        }
        catch (Exception e) when (e is DockerApiException or OperationCanceledException || EngineErrors.IsUnreachable(e))
        {
            return null;
        }
    }
}
