using System.Collections.Concurrent;
using Orchestrator.Execution;
using Orchestrator.Execution.Process;
using Orchestrator.Fingerprints;

namespace Orchestrator.Tests.Support;

/// <summary>
/// A stand-in step runner that behaves like a real step: it reads its --in-csv file and writes each
/// "--write NAME" file into its --out-dir (which the orchestrator points at staging), deterministically.
/// Its code identity is the hash of <see cref="CodeFile"/> when one is given.
/// </summary>
internal sealed class FileWritingExecutor(string dataRoot) : ITaskExecutor, ICodeIdentity
{
    public Func<TaskInvocation, int> ExitCodeOf { get; init; } = _ => 0;

    /// <summary>Files a task does not write although it succeeds (a broken step).</summary>
    public Func<TaskInvocation, bool> Skips { get; init; } = _ => false;

    public string? CodeFile { get; init; }

    public ConcurrentQueue<TaskInvocation> Invocations { get; } = new();

    public IEnumerable<string> Ran => Invocations.Select(invocation => invocation.TaskId);

    public string Name => "file-writing";

    public Task EnsureReadyAsync(IReadOnlyCollection<TaskInvocation> invocations, CancellationToken cancellation) => Task.CompletedTask;

    public async Task<ExecutionResult> ExecuteAsync(TaskInvocation invocation, ITaskLog log, CancellationToken cancellation)
    {
        Invocations.Enqueue(invocation);
        var arguments = invocation.Arguments.Select(argument => DataRootMapping.Map(argument, dataRoot)).ToList();
        var outDir = ValueOf(arguments, "--out-dir")!;
        var input = ValueOf(arguments, "--in-csv") is { } path ? await File.ReadAllTextAsync(path, cancellation) : string.Empty;
        Directory.CreateDirectory(outDir);
        if (!Skips(invocation))
        {
            for (var i = arguments.IndexOf("--write"); i >= 0; i = arguments.IndexOf("--write", i + 1))
            {
                await File.WriteAllTextAsync(Path.Combine(outDir, arguments[i + 1]), $"{invocation.TaskId} of [{input}]", cancellation);
            }
        }

        var exitCode = ExitCodeOf(invocation);
        return new ExecutionResult(exitCode, $"stand-in {invocation.Step}", exitCode == 0 ? [] : [$"{invocation.TaskId} broke"]);
    }

    public Task<CodeVersion?> CodeVersionAsync(string step, string image, CancellationToken cancellation) =>
        Task.FromResult(CodeFile is null ? null : new CodeVersion(CodeVersion.Step, step, ContentHashes.Compute(CodeFile), CodeFile));

    private static string? ValueOf(List<string> arguments, string option) =>
        arguments.IndexOf(option) is var i and >= 0 ? arguments[i + 1] : null;
}
