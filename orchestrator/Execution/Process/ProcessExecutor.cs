using WinePipeline.Orchestrator.Fingerprints;

namespace WinePipeline.Orchestrator.Execution.Process;

/// <summary>
/// Runs each step as a local process, `dotnet &lt;publish&gt;/&lt;step&gt;/&lt;step&gt;.dll ARGS`, with
/// /usr/share/data in the arguments mapped onto the local data root. For machines without Docker.
/// </summary>
/// <param name="progress">Where publishing progress is reported.</param>
public sealed class ProcessExecutor(ProcessExecutorSettings settings, TextWriter progress) : ITaskExecutor, ICodeIdentity
{
    private const int StderrTailLines = 20;

    public string Name => "process";

    public ProcessExecutorSettings Settings => settings;

    public Task EnsureReadyAsync(IReadOnlyCollection<TaskInvocation> invocations, CancellationToken cancellation)
    {
        var limited = invocations.Where(invocation => !invocation.Resources.IsNone).Select(invocation => invocation.TaskId).ToList();
        if (limited.Count > 0)
        {
            progress.WriteLine($"process executor: cannot enforce resource limits on local processes; {string.Join(", ", limited)} run without theirs (use --executor docker or swarm to enforce them)");
        }

        return new StepPublisher(settings, progress).EnsurePublishedAsync(invocations.Select(invocation => invocation.Step), cancellation);
    }

    /// <summary>The SHA-256 of the published step program: republishing changed code changes it.</summary>
    public Task<CodeVersion?> CodeVersionAsync(string step, string image, CancellationToken cancellation)
    {
        var program = settings.ProgramOf(step);
        return Task.FromResult(File.Exists(program) ? new CodeVersion(CodeVersion.Step, step, ContentHashes.Compute(program), program) : null);
    }

    public async Task<ExecutionResult> ExecuteAsync(TaskInvocation invocation, ITaskLog log, CancellationToken cancellation)
    {
        string[] arguments = [settings.ProgramOf(invocation.Step), .. invocation.Arguments.Select(argument => DataRootMapping.Map(argument, settings.DataRoot))];
        var stderrTail = new Queue<string>();
        var processes = new StepProcesses(settings.DataRoot);
        processes.KillOrphanOf(invocation.TaskId);
        int exitCode;
        try
        {
            exitCode = await ProcessRunner.RunAsync("dotnet", arguments, settings.DataRoot, OnLine, cancellation, process => processes.Started(invocation.TaskId, process));
        }
        finally
        {
            processes.Ended(invocation.TaskId);
        }

        return new ExecutionResult(exitCode, $"command dotnet {string.Join(' ', arguments.Select(Quote))}", stderrTail.ToList());

        void OnLine(LogStream stream, string line)
        {
            log.Line(stream, line);
            if (stream == LogStream.Stderr)
            {
                lock (stderrTail)
                {
                    stderrTail.Enqueue(line);
                    if (stderrTail.Count > StderrTailLines)
                    {
                        stderrTail.Dequeue();
                    }
                }
            }
        }
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && !argument.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '&' or '?' or ';')
            ? argument
            : $"'{argument.Replace("'", "'\\''")}'";
}
