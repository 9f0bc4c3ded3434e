using Orchestrator.Planning;

namespace Orchestrator.Tests.Support;

internal sealed class InMemoryOutputs(params string[] present) : IOutputState
{
    private readonly HashSet<string> present = [.. present];

    public static InMemoryOutputs OfTasks(params string[] ids) => new(ids.Select(TestGraph.OutputOf).ToArray());

    public bool Exists(string relativePath) => present.Contains(relativePath);
}
