using Orchestrator.Fingerprints;
using Orchestrator.Graph;

namespace Orchestrator.Execution.Staging;

/// <summary>
/// The engine's side of every attempt: the task writes into its staging folder; after success every
/// declared output must be there, and they are moved into place with the fingerprint written last. Old
/// outputs stay untouched until then, so a failed or cancelled attempt (even a forced one) leaves the
/// last good outputs in place. A failed attempt's staging folder is kept under .orchestrator/failed/&lt;run&gt;/&lt;task&gt;.
/// </summary>
internal sealed class OutputPromotion(string dataRoot, ContentHashes hashes, ICodeIdentity? code)
{
    private readonly FingerprintRecorder recorder = new(dataRoot, hashes);

    /// <summary>Creates the task's staging folder, private to this user (an executor that runs tasks as another user grants that user access).</summary>
    public string Prepare(TaskDefinition task)
    {
        var staging = StagingPaths.StagingDirectory(dataRoot, task.Id);
        Directory.CreateDirectory(Path.GetDirectoryName(staging)!);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(staging);
        }
        else if (!Directory.Exists(staging))
        {
            Posix.PrivateDirectory.Create(staging);
        }

        return staging;
    }

    /// <summary>Promotes a successful attempt's outputs; returns a failed result when a declared output is missing.</summary>
    public async Task<ExecutionResult> PromoteAsync(TaskDefinition task, ExecutionResult result, string runId, ITaskLog log, CancellationToken cancellation)
    {
        var staging = StagingPaths.StagingDirectory(dataRoot, task.Id);
        var files = task.DataFiles.Select(path => new StagedFile(path, Path.Combine(staging, Path.GetRelativePath(task.OutputDirectory.Length == 0 ? "." : task.OutputDirectory, path)))).ToList();
        if (files.FirstOrDefault(file => !ContentHashes.IsRegularFile(file.Staged)) is { } absent)
        {
            var message = $"exited 0 but did not write {absent.Final} (into {StagingPaths.StagingRelative(task.Id)}/); nothing was promoted";
            log.Line(LogStream.Stderr, message);
            KeepFailed(task, runId);
            return result with { ExitCode = ExecutionEngine.ExecutorErrorExitCode, Failure = FailureKind.Exit, Message = message, StderrTail = [message] };
        }

        var outputHashes = files.ToDictionary(file => file.Final, file => ContentHashes.Compute(file.Staged));
        var version = code is null ? null : await code.CodeVersionAsync(task, cancellation);

        // From here on nothing is cancelled: the fingerprint goes first, so a crash between the moves leaves the task incomplete, never complete over a mix.
        foreach (var marker in TaskOutputRemoval.FingerprintMarkers(task).Select(marker => Path.Combine(dataRoot, marker)).Where(File.Exists))
        {
            File.Delete(marker);
        }

        foreach (var file in files)
        {
            var final = Path.Combine(dataRoot, file.Final);
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            File.Move(file.Staged, final, overwrite: true);
            hashes.Remember(final, outputHashes[file.Final]);
        }

        recorder.Record(task, version, outputHashes);
        RemoveStaging(staging);
        return result;
    }

    public void KeepFailed(TaskDefinition task, string runId)
    {
        var staging = StagingPaths.StagingDirectory(dataRoot, task.Id);
        if (!Directory.Exists(staging))
        {
            return;
        }

        var failed = StagingPaths.FailedDirectory(dataRoot, runId, task.Id);
        if (Directory.Exists(failed))
        {
            Directory.Delete(failed, recursive: true);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(failed)!);
        Directory.Move(staging, failed);
    }

    // Best effort: a step process orphaned by a killed orchestrator may still be writing here; a leftover folder is harmless.
    private static void RemoveStaging(string staging)
    {
        try
        {
            Directory.Delete(staging, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private sealed record StagedFile(string Final, string Staged);
}
