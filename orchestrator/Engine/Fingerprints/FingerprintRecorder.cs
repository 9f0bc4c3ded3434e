using Orchestrator.Graph;

namespace Orchestrator.Fingerprints;

/// <summary>Builds and stores the fingerprint of a task that has just succeeded.</summary>
internal sealed class FingerprintRecorder(string dataRoot, ContentHashes hashes)
{
    private readonly FingerprintStore store = new(dataRoot);

    /// <param name="outputs">The hash of each data file the task wrote, by path relative to data_root.</param>
    public void Record(TaskDefinition task, CodeVersion? code, IReadOnlyDictionary<string, string> outputs)
    {
        var fingerprint = new TaskFingerprint(
            TaskFingerprint.CurrentVersion,
            new SortedDictionary<string, string>(task.Parameters.ToDictionary(), StringComparer.Ordinal),
            code,
            new SortedDictionary<string, string>(task.Inputs.ToDictionary(path => path, path => hashes.Of(Path.Combine(dataRoot, path))), StringComparer.Ordinal),
            new SortedDictionary<string, string>(outputs.ToDictionary(), StringComparer.Ordinal));
        store.Write(task, fingerprint);
        hashes.Save();
    }
}
