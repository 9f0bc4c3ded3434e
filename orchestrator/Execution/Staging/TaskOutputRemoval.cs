using WinePipeline.Orchestrator.Fingerprints;
using WinePipeline.Orchestrator.Graph;

namespace WinePipeline.Orchestrator.Execution.Staging;

/// <summary>Deletes what a task left in data_root, returning the paths removed (relative to data_root).</summary>
public static class TaskOutputRemoval
{
    /// <summary>
    /// Everything the task wrote: data files, flag and fingerprint. The completion markers go first,
    /// so an interrupted removal never leaves a task that looks complete over missing files.
    /// </summary>
    public static IReadOnlyList<string> RemoveAll(string dataRoot, TaskDefinition task) =>
        Remove(dataRoot, CompletionMarkers(task).Concat(task.DataFiles));

    /// <summary>
    /// What says the task is complete (its flag, or its single output file and manifest). Removed before
    /// a task runs again, so an attempt that dies half-way leaves it missing, never complete with old outputs.
    /// </summary>
    public static IReadOnlyList<string> RemoveCompletion(string dataRoot, TaskDefinition task) => Remove(dataRoot, CompletionMarkers(task));

    private static IEnumerable<string> CompletionMarkers(TaskDefinition task) =>
        task.Outputs.Select(output => output.Path).Append(FingerprintStore.PathOf(task));

    private static List<string> Remove(string dataRoot, IEnumerable<string> paths)
    {
        var removed = new List<string>();
        foreach (var path in paths.Distinct(StringComparer.Ordinal))
        {
            var full = Path.Combine(dataRoot, path);
            if (File.Exists(full))
            {
                File.Delete(full);
                removed.Add(path);
            }
        }

        return removed;
    }
}
