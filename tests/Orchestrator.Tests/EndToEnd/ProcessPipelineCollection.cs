namespace Orchestrator.Tests.EndToEnd;

/// <summary>
/// The end-to-end tests share one full run and run one after another: two orchestrators building the
/// same checkout's step programs at once would fight over their obj/ folders.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ProcessPipelineCollection : ICollectionFixture<ProcessPipelineFixture>
{
    public const string Name = "Process pipeline";
}
