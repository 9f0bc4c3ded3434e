using WinePipeline;

namespace Orchestrator.Tests.Support;

/// <summary>The wine pipeline as the orchestrator program defines it, from this checkout.</summary>
internal static class WineDefinition
{
    public static Pipeline Pipeline { get; } = Wine.Define(SourceTree.RepositoryRoot);
}
