using Orchestrator.Fingerprints;
using Orchestrator.Graph;

namespace Orchestrator.Execution.Staging;

/// <summary>Deletes what a task left in data_root, returning the paths removed (relative to data_root).</summary>
internal static class TaskOutputRemoval
{
    /// <summary>
    /// Everything the task wrote: its fingerprint (or flag) first, so an interrupted removal never leaves
    /// a task that looks complete over missing files, then its data files.
    /// </summary>
    public static IReadOnlyList<string> RemoveAll(string dataRoot, TaskDefinition task) =>
        Remove(dataRoot, FingerprintMarkers(task).Concat(task.DataFiles));

    /// <summary>The files whose presence says the task's outputs are trustworthy: its flag, or its fingerprint file.</summary>
    public static IEnumerable<string> FingerprintMarkers(TaskDefinition task) =>
        task.Outputs.Where(output => output.Kind == TaskOutputKind.Flag).Select(output => output.Path).Append(FingerprintStore.PathOf(task)).Distinct(StringComparer.Ordinal);

    private static List<string> Remove(string dataRoot, IEnumerable<string> paths)
    {
        var removed = new List<string>();
        foreach (var path in paths.Distinct(StringComparer.Ordinal))
        {
            var full = Path.Combine(dataRoot, path);
            if (File.Exists(full) || new FileInfo(full).LinkTarget is not null)
            {
                File.Delete(full);
                removed.Add(path);
            }
        }

        return removed;
    }
}
