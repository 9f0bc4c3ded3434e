using WinePipeline.Orchestrator.Fingerprints;
using WinePipeline.Orchestrator.Graph;

namespace WinePipeline.Orchestrator.Execution.Staging;

/// <summary>
/// Wraps an executor so that the orchestrator owns completion: each attempt writes into a staging
/// folder (its --out-dir is rewritten); after success every declared output must be there, is moved
/// into place, and the fingerprint is written, whatever marks the task complete last. A failed attempt
/// promotes nothing; its staging folder is kept under data_root/.orchestrator/failed/&lt;run&gt;/&lt;task&gt;.
/// Steps still get their --flag, so they behave as when run on their own; the flag they write into
/// staging is never promoted: the orchestrator writes the real one, holding the fingerprint.
/// </summary>
public sealed class StagingExecutor(ITaskExecutor inner, TaskGraph graph, string dataRoot, ContentHashes hashes) : ITaskExecutor, IDisposable
{
    private const string OutDirOption = "--out-dir";
    private const UnixFileMode Everyone = (UnixFileMode)0b111_111_111;

    private readonly FingerprintRecorder recorder = new(dataRoot, hashes);

    public string Name => inner.Name;

    public Task EnsureReadyAsync(IReadOnlyCollection<TaskInvocation> invocations, CancellationToken cancellation) =>
        inner.EnsureReadyAsync(invocations, cancellation);

    public async Task<ExecutionResult> ExecuteAsync(TaskInvocation invocation, ITaskLog log, CancellationToken cancellation)
    {
        var task = graph.Get(invocation.TaskId);
        TaskOutputRemoval.RemoveCompletion(dataRoot, task);
        var outDirIndex = invocation.Arguments.ToList().IndexOf(OutDirOption) + 1;
        if (outDirIndex == 0 || outDirIndex == invocation.Arguments.Count)
        {
            return await ExecuteInPlaceAsync(task, invocation, log, cancellation);
        }

        var staging = StagingPaths.StagingDirectory(dataRoot, task.Id);
        CreateWritableDirectory(staging);
        var arguments = invocation.Arguments.ToArray();
        arguments[outDirIndex] = StagingPaths.ContainerStagingDirectory(task.Id);
        var result = await inner.ExecuteAsync(invocation with { Arguments = arguments }, log, cancellation);
        if (!result.Succeeded)
        {
            KeepFailed(staging, invocation);
            return result;
        }

        var outDir = RelativeToDataRoot(invocation.Arguments[outDirIndex]);
        var files = task.DataFiles.Select(path => new StagedFile(path, Path.Combine(staging, Path.GetRelativePath(outDir, path)))).ToList();
        if (files.FirstOrDefault(file => !File.Exists(file.Staged)) is { } absent)
        {
            var message = $"step {task.Step} exited 0 but did not write {absent.Final}; nothing was promoted";
            log.Line(LogStream.Stderr, message);
            KeepFailed(staging, invocation);
            return new ExecutionResult(ExecutionEngine.ExecutorErrorExitCode, result.Target, [message]);
        }

        await PromoteAsync(task, files, cancellation);
        RemoveStaging(staging);
        return result;
    }

    public void Dispose() => (inner as IDisposable)?.Dispose();

    /// <summary>A task without --out-dir (a test stand-in) writes in place; it still gets a fingerprint.</summary>
    private async Task<ExecutionResult> ExecuteInPlaceAsync(TaskDefinition task, TaskInvocation invocation, ITaskLog log, CancellationToken cancellation)
    {
        var result = await inner.ExecuteAsync(invocation, log, cancellation);
        if (result.Succeeded)
        {
            var outputs = task.DataFiles.Where(path => File.Exists(Full(path))).ToDictionary(path => path, path => hashes.Of(Full(path)));
            recorder.Record(task, await CodeVersionAsync(task, cancellation), outputs);
        }

        return result;
    }

    // Data files first, then the fingerprint, then the single output file that marks a flagless task complete:
    // a crash at any point leaves the task missing, never complete with a wrong fingerprint.
    private async Task PromoteAsync(TaskDefinition task, List<StagedFile> files, CancellationToken cancellation)
    {
        var outputHashes = files.ToDictionary(file => file.Final, file => ContentHashes.Compute(file.Staged));
        var code = await CodeVersionAsync(task, cancellation);
        var markers = task.Outputs.Where(output => output.Kind == TaskOutputKind.File).Select(output => output.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var file in files.Where(file => !markers.Contains(file.Final)))
        {
            Promote(file, outputHashes[file.Final]);
        }

        recorder.Record(task, code, outputHashes);
        foreach (var file in files.Where(file => markers.Contains(file.Final)))
        {
            Promote(file, outputHashes[file.Final]);
        }

        hashes.Save();
    }

    private void Promote(StagedFile file, string hash)
    {
        var final = Full(file.Final);
        Directory.CreateDirectory(Path.GetDirectoryName(final)!);
        File.Move(file.Staged, final, overwrite: true);
        hashes.Remember(final, hash);
    }

    private async Task<CodeVersion?> CodeVersionAsync(TaskDefinition task, CancellationToken cancellation) =>
        inner is ICodeIdentity identity ? await identity.CodeVersionAsync(task.Step, task.Image, cancellation) : null;

    private void KeepFailed(string staging, TaskInvocation invocation)
    {
        if (!Directory.Exists(staging))
        {
            return;
        }

        var failed = StagingPaths.FailedDirectory(dataRoot, invocation.RunId, invocation.TaskId);
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

    // The step may run as another user than this process (a container's uid), and must be able to write here.
    private static void CreateWritableDirectory(string path)
    {
        Directory.CreateDirectory(path);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, Everyone);
        }
    }

    private static string RelativeToDataRoot(string containerPath) =>
        containerPath == ContainerPaths.DataRoot ? "." : containerPath[(ContainerPaths.DataRoot.Length + 1)..];

    private string Full(string relativePath) => Path.Combine(dataRoot, relativePath);

    private sealed record StagedFile(string Final, string Staged);
}
