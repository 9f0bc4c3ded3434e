using Orchestrator.Graph;
using Orchestrator.Planning;

namespace Orchestrator.Fingerprints;

/// <summary>
/// A task is complete when its outputs exist and its fingerprint still matches: the same parameters,
/// code and input files, and outputs unchanged since they were written. Outputs are compared through the
/// hash cache (a file whose size or time changed is re-hashed); <paramref name="verify"/> re-hashes every
/// output, so even an edit that kept the size and time is seen. A task with no fingerprint, or an empty
/// flag from a step run on its own, is not trusted (only --existence-only accepts it).
/// </summary>
internal sealed class FingerprintCompletion(string dataRoot, ContentHashes hashes, CodeVersionLookup code, bool verify = false) : ICompletionState
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
            FingerprintPresence.Legacy => TaskCompletion.Stale($"flag {FingerprintStore.PathOf(task)} is empty (not written by the orchestrator); --existence-only accepts it"),
            _ => TaskCompletion.Stale($"no fingerprint recorded in {FingerprintStore.PathOf(task)}"),
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

        if (recorded.Code is { } recordedCode && code.Change(recordedCode, task) is { } change)
        {
            return TaskCompletion.Stale(change);
        }

        var input = task.Inputs.FirstOrDefault(path => recorded.Inputs.GetValueOrDefault(path) != hashes.Of(Full(path)));
        if (input is not null)
        {
            return TaskCompletion.Stale($"input {input} changed");
        }

        var output = recorded.Outputs.Keys.FirstOrDefault(path => recorded.Outputs[path] != Hash(Full(path)));
        return output is null ? TaskCompletion.FingerprintMatches : TaskCompletion.Stale($"output {output} changed since it was written");
    }

    private string? Hash(string path) => !File.Exists(path) ? null : verify ? hashes.Rehash(path) : hashes.Of(path);

    private string Full(string relativePath) => Path.Combine(dataRoot, relativePath);
}
