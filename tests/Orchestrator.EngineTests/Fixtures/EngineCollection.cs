namespace Orchestrator.EngineTests.Fixtures;

/// <summary>One engine fixture for all engine tests, which run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<EngineFixture>
{
    public const string Name = "Docker engine";
}
