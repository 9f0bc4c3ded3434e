using WinePipeline.Orchestrator.Graph;
using WinePipeline.Orchestrator.Planning;

namespace WinePipeline.Orchestrator.Fingerprints;

/// <summary>
/// A task is complete when its outputs exist and its fingerprint still matches its current parameters,
/// code and input files. An empty legacy flag (or a single-file output without a manifest) counts as
/// complete with an unknown fingerprint. A hand-edited output does not make its own task stale; it makes
/// the tasks reading it stale ("input interim/train.csv changed"), as make does.
/// </summary>
public sealed class FingerprintCompletion(string dataRoot, ContentHashes hashes, CodeVersionLookup code) : ICompletionState
{
    private readonly FingerprintStore store = new(dataRoot);

    public TaskCompletion Check(TaskDefinition task)
    {
        var missing = task.Outputs.Select(output => output.Path).Concat(task.DataFiles).FirstOrDefault(path => !File.Exists(Full(path)));
        if (missing is not null)
        {
            return TaskCompletion.Missing(missing);
        }

        var stored = store.Read(task);
        return stored.Presence switch
        {
            FingerprintPresence.Present => Compare(task, stored.Fingerprint!),
            FingerprintPresence.Unreadable => TaskCompletion.Stale($"fingerprint {FingerprintStore.PathOf(task)} unreadable"),
            _ => TaskCompletion.UnknownFingerprint,
        };
    }

    private TaskCompletion Compare(TaskDefinition task, TaskFingerprint recorded)
    {
        var parameter = task.Parameters.Keys.Union(recorded.Parameters.Keys).Order(StringComparer.Ordinal)
            .FirstOrDefault(name => task.Parameters.GetValueOrDefault(name) != recorded.Parameters.GetValueOrDefault(name));
        if (parameter is not null)
        {
            return TaskCompletion.Stale($"parameter {parameter} changed");
        }

        if (recorded.Code is { } recordedCode && code.CurrentId(recordedCode) is { } currentId && currentId != recordedCode.Id)
        {
            return TaskCompletion.Stale($"{recordedCode} rebuilt");
        }

        var input = task.Inputs.FirstOrDefault(path => recorded.Inputs.GetValueOrDefault(path) != hashes.Of(Full(path)));
        return input is null ? TaskCompletion.Complete : TaskCompletion.Stale($"input {input} changed");
    }

    private string Full(string relativePath) => Path.Combine(dataRoot, relativePath);
}
