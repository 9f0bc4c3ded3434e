using Orchestrator.Tests.Support;
using PublicApiGenerator;

namespace Orchestrator.Tests.Definition;

/// <summary>
/// The engine's public API is small and deliberate: it is pinned in Expected/public-api.txt, as
/// Bullseye pins its own. A change to it shows here first; update the file when the change is meant.
/// </summary>
public class PublicApiTests
{
    [Fact]
    public void The_public_api_is_the_pinned_one()
    {
        var api = typeof(PipelineBuilder).Assembly.GeneratePublicApi(new ApiGeneratorOptions { ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute", "System.Runtime.CompilerServices.InternalsVisibleToAttribute"] });

        ExpectedText.Matches("public-api.txt", api);
    }
}
