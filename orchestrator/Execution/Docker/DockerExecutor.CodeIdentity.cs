using Docker.DotNet;
using WinePipeline.Orchestrator.Fingerprints;

namespace WinePipeline.Orchestrator.Execution.Docker;

public sealed partial class DockerExecutor : ICodeIdentity
{
    /// <summary>The image's id: rebuilding the image under the same tag changes it.</summary>
    public async Task<CodeVersion?> CodeVersionAsync(string step, string image, CancellationToken cancellation)
    {
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
