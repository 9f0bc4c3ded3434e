using System.Collections.Concurrent;
using Orchestrator.Execution;
using Orchestrator.Fingerprints;
using Orchestrator.Graph;

namespace Orchestrator.Tests.Support;

/// <summary>
/// A stand-in step runner that behaves like a real step: it reads its --in-csv file (or takes its
/// --text), and writes each "--write NAME" file into its --out-dir (the staging folder the engine
/// rendered), deterministically. Its code identity is the hash of the task's declared code files,
/// as the process executor's is.
/// </summary>
internal sealed class FileWritingExecutor(string dataRoot) : ITaskExecutor, ICodeIdentity
{
    public Func<TaskInvocation, int> ExitCodeOf { get; init; } = _ => 0;

    /// <summary>Files a task does not write although it succeeds (a broken step).</summary>
    public Func<TaskInvocation, bool> Skips { get; init; } = _ => false;

    public ConcurrentQueue<TaskInvocation> Invocations { get; } = new();

    public IEnumerable<string> Ran => Invocations.Select(invocation => invocation.TaskId);

    public string Name => "file-writing";

    public string TaskDataRoot => dataRoot;

    public Task EnsureReadyAsync(IReadOnlyCollection<TaskDefinition> tasks, CancellationToken cancellation) => Task.CompletedTask;

    public async Task<ExecutionResult> ExecuteAsync(TaskInvocation invocation, ITaskLog log, CancellationToken cancellation)
    {
        Invocations.Enqueue(invocation);
        var arguments = invocation.Arguments.ToList();
        var outDir = ValueOf(arguments, "--out-dir")!;
        var input = ValueOf(arguments, "--in-csv") is { } path ? await File.ReadAllTextAsync(path, cancellation) : ValueOf(arguments, "--text") ?? string.Empty;
        Directory.CreateDirectory(outDir);
        if (!Skips(invocation))
        {
            for (var i = arguments.IndexOf("--write"); i >= 0; i = arguments.IndexOf("--write", i + 1))
            {
                await File.WriteAllTextAsync(Path.Combine(outDir, arguments[i + 1]), $"{invocation.TaskId} of [{input}]", cancellation);
            }
        }

        var exitCode = ExitCodeOf(invocation);
        return new ExecutionResult(exitCode, $"stand-in {invocation.Image}", exitCode == 0 ? [] : [$"{invocation.TaskId} broke"]);
    }

    public Task<CodeVersion?> CodeVersionAsync(TaskDefinition task, CancellationToken cancellation) =>
        Task.FromResult(LocalCodeVersion.Of(task, ContentHashes.Load(dataRoot)));

    private static string? ValueOf(List<string> arguments, string option) =>
        arguments.IndexOf(option) is var i and >= 0 ? arguments[i + 1] : null;
}
