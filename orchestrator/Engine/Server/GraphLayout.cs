using Orchestrator.Graph;

namespace Orchestrator.Server;

/// <summary>
/// A layered drawing of the graph, computed once: a task's layer is one more than its deepest
/// dependency's, and tasks keep dependency order within a layer. The page only places boxes.
/// </summary>
internal sealed record GraphLayout(IReadOnlyDictionary<string, (int Layer, int Row)> Positions, int Layers, int Rows)
{
    public static GraphLayout Of(TaskGraph graph)
    {
        var layers = new Dictionary<string, int>(StringComparer.Ordinal);
        var rowsUsed = new List<int>();
        var positions = new Dictionary<string, (int Layer, int Row)>(StringComparer.Ordinal);
        foreach (var task in graph.Tasks)
        {
            var layer = task.DependsOn.Count == 0 ? 0 : task.DependsOn.Max(id => layers[id]) + 1;
            layers[task.Id] = layer;
            if (rowsUsed.Count == layer)
            {
                rowsUsed.Add(0);
            }

            positions[task.Id] = (layer, rowsUsed[layer]++);
        }

        return new GraphLayout(positions, rowsUsed.Count, rowsUsed.DefaultIfEmpty(0).Max());
    }
}
