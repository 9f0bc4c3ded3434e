using Docker.DotNet;
using Orchestrator.Fingerprints;
using Orchestrator.Graph;

namespace Orchestrator.Execution.Docker;

internal sealed partial class DockerExecutor : ICodeIdentity
{
    /// <summary>The image's id: rebuilding the image under the same tag changes it.</summary>
    public async Task<CodeVersion?> CodeVersionAsync(TaskDefinition task, CancellationToken cancellation)
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
}
