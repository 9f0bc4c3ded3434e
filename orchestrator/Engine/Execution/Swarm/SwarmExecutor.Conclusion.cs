using Orchestrator.Execution.Docker.Internal;
using Orchestrator.Execution.Failures;
using Orchestrator.Execution.Swarm.Internal;

namespace Orchestrator.Execution.Swarm;

internal sealed partial class SwarmExecutor
{
    /// <summary>How the manager words a task that ran and exited non-zero ("task: non-zero exit (3)").</summary>
    private const string PlainExit = "task: non-zero exit";

    /// <summary>How the job ended, in words: the exit code and stderr tail, or what the swarm did to it.</summary>
    private async Task<ExecutionResult> ConcludeAsync(JobEnd end, TaskInvocation invocation, StderrTail output)
    {
        var node = end.Node ?? "(unknown)";
        if (end.Kind == JobEndKind.Failed && end.Error is { } error && !error.StartsWith(PlainExit, StringComparison.Ordinal))
        {
            // The container did not start, or the engine says more than the exit code ("starting container failed: ...").
            output.Line(LogStream.Stderr, DockerErrors.EngineSaid(error));
        }

        return end.Kind switch
        {
            JobEndKind.Completed => new ExecutionResult(0, Target(invocation), output.Lines),
            JobEndKind.Failed when end.ExitCode == ClassifiedFailure.KilledExitCode => await KilledAsync(end, invocation, output),
            JobEndKind.Failed => Failed(ClassifiedFailure.Exit(end.ExitCode, output.Lines), (int)end.ExitCode, invocation, output),
            JobEndKind.Rejected => Failed(EngineErrors.Classify(end.Error ?? "no reason given", invocation.Image ?? "(none)", node), ExecutionEngine.ExecutorErrorExitCode, invocation, output),
            JobEndKind.NodeLost => Failed(ClassifiedFailure.NodeLost(node), ExecutionEngine.ExecutorErrorExitCode, invocation, output),
            JobEndKind.NeverScheduled => Failed(
                ClassifiedFailure.Unschedulable([.. ServiceDefinition.Constraints(invocation)], Timeout(invocation), end.Error), ExecutionEngine.ExecutorErrorExitCode, invocation, output),
            _ => Failed(ClassifiedFailure.TimedOut(Timeout(invocation)), ExecutionEngine.ExecutorErrorExitCode, invocation, output),
        };
    }

    /// <summary>Exit 137: out of memory when the node's engine says OOMKilled, or, when it cannot be asked, probably so under a memory limit.</summary>
    private async Task<ExecutionResult> KilledAsync(JobEnd end, TaskInvocation invocation, StderrTail output)
    {
        var oomKilled = await nodes.WasOutOfMemoryAsync(end.Node, end.ContainerId);
        var failure = oomKilled == true || (oomKilled is null && invocation.Resources.MemoryBytes is not null)
            ? ClassifiedFailure.OutOfMemory(invocation.Resources.MemoryBytes, confirmed: oomKilled == true)
            : ClassifiedFailure.Exit(end.ExitCode, output.Lines);
        return Failed(failure, (int)end.ExitCode, invocation, output);
    }

    private static TimeSpan Timeout(TaskInvocation invocation) => invocation.Timeout ?? SwarmExecutorSettings.DefaultSchedulingTimeout;

    private static string Target(TaskInvocation invocation) => $"image {invocation.Image} on the swarm";

    /// <summary>What the swarm did ends the attempt's log and its stderr tail; a plain exit is told by the step's own stderr.</summary>
    private static ExecutionResult Failed(ClassifiedFailure failure, int exitCode, TaskInvocation invocation, StderrTail output)
    {
        if (failure.Kind != FailureKind.Exit)
        {
            output.Line(LogStream.Stderr, $"swarm: {failure.Message}");
        }

        return failure.ToResult(exitCode, Target(invocation), output.Lines);
    }
}
