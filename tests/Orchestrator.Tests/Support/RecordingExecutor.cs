using System.Collections.Concurrent;
using WinePipeline.Orchestrator.Execution;
using WinePipeline.Orchestrator.Execution.Failures;

namespace WinePipeline.Orchestrator.Tests.Support;

/// <summary>
/// A stand-in executor that runs nothing real: it records every invocation and how many ran at
/// once, and on success writes the task's output file so completion works as with real steps.
/// </summary>
internal sealed class RecordingExecutor(string dataRoot) : ITaskExecutor
{
    private int running;
    private int maxConcurrent;

    /// <summary>What an attempt does; returns the exit code. By default it logs one line and succeeds.</summary>
    public Func<TaskInvocation, ITaskLog, CancellationToken, Task<int>> Behavior { get; init; } = (invocation, log, _) =>
    {
        log.Line(LogStream.Stdout, $"working on {invocation.TaskId}");
        return Task.FromResult(0);
    };

    /// <summary>What the infrastructure does to an attempt: null lets it run, a failure fails it with that kind before it runs.</summary>
    public Func<TaskInvocation, ClassifiedFailure?> Infrastructure { get; init; } = _ => null;

    public string Name => "recording";

    public ConcurrentQueue<TaskInvocation> Invocations { get; } = new();

    public int MaxConcurrent => Volatile.Read(ref maxConcurrent);

    public IEnumerable<string> Ran => Invocations.Select(invocation => invocation.TaskId);

    public Task EnsureReadyAsync(IReadOnlyCollection<TaskInvocation> invocations, CancellationToken cancellation) => Task.CompletedTask;

    public async Task<ExecutionResult> ExecuteAsync(TaskInvocation invocation, ITaskLog log, CancellationToken cancellation)
    {
        Invocations.Enqueue(invocation);
        var now = Interlocked.Increment(ref running);
        InterlockedMax(ref maxConcurrent, now);
        try
        {
            if (Infrastructure(invocation) is { } failure)
            {
                return failure.ToResult(ExecutionEngine.ExecutorErrorExitCode, $"recording stand-in for {invocation.Step}", [failure.Message]);
            }

            var exitCode = await Behavior(invocation, log, cancellation);
            if (exitCode == 0)
            {
                await File.WriteAllTextAsync(Path.Combine(dataRoot, TestGraph.OutputOf(invocation.TaskId)), invocation.RunId, CancellationToken.None);
            }

            return new ExecutionResult(exitCode, $"recording stand-in for {invocation.Step}", exitCode == 0 ? [] : [$"{invocation.TaskId} broke"]);
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
