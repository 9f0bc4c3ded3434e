using Orchestrator.Fingerprints;
using Orchestrator.Graph;

namespace Orchestrator.Execution.Process;

/// <summary>
/// Runs each task as a local process: its command (or its first argument) with its arguments, started
/// in the pipeline's base folder, data paths rendered under the local data root. Programs that declare
/// a build are built first when missing or when their code changed. For machines without Docker.
/// </summary>
/// <param name="progress">Where builds and notices are reported.</param>
internal sealed class ProcessExecutor(string dataRoot, ContentHashes hashes, TextWriter progress) : ITaskExecutor, ICodeIdentity
{
    private const int StderrTailLines = 20;

    public string Name => "process";

    public string TaskDataRoot => dataRoot;

    public async Task EnsureReadyAsync(IReadOnlyCollection<TaskDefinition> tasks, CancellationToken cancellation)
    {
        var unrunnable = tasks.FirstOrDefault(task => task.Command.Count == 0 && task.Arguments.Count == 0);
        if (unrunnable is not null)
        {
            throw new ExecutorUnavailableException(
                $"task {unrunnable.Id} has no command, only the image {unrunnable.Image}; run it with --executor docker, or give it a command");
        }

        if (tasks.Any(task => task.Resources != TaskResources.None))
        {
            progress.WriteLine("process executor: declared cpus and memory are counted against this machine's capacity but not enforced (use --executor docker for limits)");
        }

        await new LocalBuilds(hashes, progress).EnsureBuiltAsync(tasks, cancellation);
    }

    /// <summary>The hash of the task's declared code files.</summary>
    public Task<CodeVersion?> CodeVersionAsync(TaskDefinition task, CancellationToken cancellation) =>
        Task.FromResult(LocalCodeVersion.Of(task, hashes));

    public async Task<ExecutionResult> ExecuteAsync(TaskInvocation invocation, ITaskLog log, CancellationToken cancellation)
    {
        var line = invocation.Command.Concat(invocation.Arguments).ToList();
        var stderrTail = new Queue<string>();
        var processes = new StepProcesses(dataRoot, progress);
        processes.KillOrphansOf(invocation.TaskId);
        Staging.StagingPaths.Empty(dataRoot, invocation.TaskId);
        var target = $"command {string.Join(' ', line.Select(ShellQuoting.Quote))}";
        int exitCode;
        try
        {
            var environment = new Dictionary<string, string>(invocation.Environment, StringComparer.Ordinal)
            {
                [StepProcesses.TokenVariable] = processes.Starting(invocation.TaskId),
            };
            var start = new ProcessStart(line[0], line.Skip(1).ToList(), invocation.WorkingDirectory ?? dataRoot, environment);
            exitCode = await ProcessRunner.RunAsync(start, OnLine, cancellation);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new ExecutionResult(127, target, [e.Message]) { Message = $"cannot start {line[0]}: {e.Message}" };
        }
        finally
        {
            processes.Ended(invocation.TaskId);
        }

        return new ExecutionResult(exitCode, target, stderrTail.ToList());

        void OnLine(LogStream stream, string text)
        {
            log.Line(stream, text);
            if (stream == LogStream.Stderr)
            {
                lock (stderrTail)
                {
                    stderrTail.Enqueue(text);
                    if (stderrTail.Count > StderrTailLines)
                    {
                        stderrTail.Dequeue();
                    }
                }
            }
        }
    }
}
