using System.Collections.Concurrent;
using Orchestrator.Execution;
using Orchestrator.Graph;

namespace Orchestrator.Tests.Support;

/// <summary>
/// A stand-in executor that runs nothing real: it records every invocation and how many ran at
/// once, and on success writes the task's output files into the staging folder its --out-dir
/// argument names, so the engine promotes and fingerprints them as with real steps.
/// </summary>
internal sealed class RecordingExecutor(string dataRoot) : ITaskExecutor
{
    private const string OutDirOption = "--out-dir";

    private int running;
    private int maxConcurrent;

    /// <summary>What an attempt does; returns the exit code. By default it logs one line and succeeds.</summary>
    public Func<TaskInvocation, ITaskLog, CancellationToken, Task<int>> Behavior { get; init; } = (invocation, log, _) =>
    {
        log.Line(LogStream.Stdout, $"working on {invocation.TaskId}");
        return Task.FromResult(0);
    };

    /// <summary>The files a task writes into its output folder; by default its <see cref="TestGraph.OutputOf"/>.</summary>
    public Func<string, IEnumerable<string>> OutputsOf { get; init; } = id => [TestGraph.OutputOf(id)];

    public string Name => "recording";

    public string TaskDataRoot => dataRoot;

    public ConcurrentQueue<TaskInvocation> Invocations { get; } = new();

    public int MaxConcurrent => Volatile.Read(ref maxConcurrent);

    public IEnumerable<string> Ran => Invocations.Select(invocation => invocation.TaskId);

    /// <summary>Every declared output of each task of <paramref name="graph"/>, by its name in the task's output folder.</summary>
    public static Func<string, IEnumerable<string>> DeclaredOutputs(TaskGraph graph) => id =>
    {
        var task = graph.Get(id);
        return task.DataFiles.Select(path => Path.GetRelativePath(task.OutputDirectory.Length == 0 ? "." : task.OutputDirectory, path));
    };

    /// <summary>The folder the invocation was told to write its outputs into.</summary>
    public static string OutDirectory(TaskInvocation invocation) =>
        invocation.Arguments.SkipWhile(argument => argument != OutDirOption).Skip(1).FirstOrDefault()
        ?? throw new InvalidOperationException($"task {invocation.TaskId} has no {OutDirOption} argument");

    public Task EnsureReadyAsync(IReadOnlyCollection<TaskDefinition> tasks, CancellationToken cancellation) => Task.CompletedTask;

    public async Task<ExecutionResult> ExecuteAsync(TaskInvocation invocation, ITaskLog log, CancellationToken cancellation)
    {
        Invocations.Enqueue(invocation);
        var now = Interlocked.Increment(ref running);
        InterlockedMax(ref maxConcurrent, now);
        try
        {
            var exitCode = await Behavior(invocation, log, cancellation);
            if (exitCode == 0)
            {
                foreach (var file in OutputsOf(invocation.TaskId))
                {
                    var path = Path.Combine(OutDirectory(invocation), file);
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    await File.WriteAllTextAsync(path, invocation.RunId, CancellationToken.None);
                }
            }

            return new ExecutionResult(exitCode, $"recording stand-in for {invocation.Image}", exitCode == 0 ? [] : [$"{invocation.TaskId} broke"]);
        }
        finally
        {
            Interlocked.Decrement(ref running);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current && Interlocked.CompareExchange(ref target, value, current) is var seen && seen != current)
        {
            current = seen;
        }
    }
}
