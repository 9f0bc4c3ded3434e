namespace Orchestrator.SwarmTests.Fixtures;

/// <summary>One swarm fixture for all swarm tests, which run one after another. Run them alone with --filter Category=Swarm.</summary>
[CollectionDefinition(Name)]
public sealed class SwarmCollection : ICollectionFixture<SwarmFixture>
{
    public const string Name = "Docker swarm";
}
