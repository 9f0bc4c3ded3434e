using Orchestrator.Graph;

namespace Orchestrator.Server;

/// <summary>
/// Each task's layer, computed once: one more than its deepest dependency's. The page draws a large
/// graph on these layers at once, while its layout library routes it in the background.
/// </summary>
internal static class TaskLayers
{
    public static IReadOnlyDictionary<string, int> Of(TaskGraph graph)
    {
        var layers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var task in graph.Tasks)
        {
            layers[task.Id] = task.DependsOn.Count == 0 ? 0 : task.DependsOn.Max(id => layers[id]) + 1;
        }

        return layers;
    }
}
