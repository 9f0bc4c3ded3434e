using Orchestrator.Tests.Examples;

namespace Orchestrator.Tests.Definition;

/// <summary>The engine knows nothing of the pipelines it runs: the wine pipeline lives in its definition and its steps only.</summary>
public class EngineIndependenceTests
{
    [Fact]
    public void No_engine_source_mentions_wine()
    {
        var engine = Path.Combine(ProgramRun.RepositoryRoot, "orchestrator", "Engine");
        var mentions = Directory.EnumerateFiles(engine, "*", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(path => File.ReadAllText(path).Contains("wine", StringComparison.OrdinalIgnoreCase))
            .Select(path => Path.GetRelativePath(engine, path))
            .ToList();

        Assert.Empty(mentions);
    }
}
