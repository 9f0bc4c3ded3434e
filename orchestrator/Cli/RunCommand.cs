using WinePipeline.Orchestrator.Execution;
using WinePipeline.Orchestrator.Graph;
using WinePipeline.Orchestrator.Locking;
using WinePipeline.Orchestrator.Planning;

namespace WinePipeline.Orchestrator.Cli;

/// <summary>
/// `run [TASK]`: validate the graph and options, take the data root's lock, plan, run what the plan
/// says, report. The last line is always the summary.
/// </summary>
internal sealed partial class RunCommand(CliEnvironment environment)
{
    private TextWriter Out => environment.Out;

    public async Task<int> ExecuteAsync(RunOptions options, CancellationToken cancellation)
    {
        var settings = RunSettings.Resolve(options, environment);
        var graph = TaskGraph.Create(environment.Pipeline(settings.Parameters));
        var target = graph.Get(options.Target).Id;
        string[] forced = options.Force is null ? [] : [RequireUpstream(graph, options.Force, target)];

        if (options.DryRun)
        {
            var preview = Planner.Plan(graph, new FileSystemOutputState(settings.DataRoot), [target], forced);
            WritePlan(preview, settings.DataRoot);
            Out.WriteLine(RunReport.FormatSummary(0, preview.CompleteCount, 0));
            return ExitCodes.Success;
        }

        Directory.CreateDirectory(settings.DataRoot);
        using var runLock = RunLock.Acquire(settings.DataRoot, environment.Time);
        var plan = Planner.Plan(graph, new FileSystemOutputState(settings.DataRoot), [target], forced);
        WritePlan(plan, settings.DataRoot);
        if (!plan.ToRun.Any())
        {
            Out.WriteLine($"nothing to run: {target} is complete");
            Out.WriteLine(RunReport.FormatSummary(0, plan.CompleteCount, 0));
            return ExitCodes.Success;
        }

        var report = await ExecutePlanAsync(plan, settings, cancellation);
        WriteOutcome(report, cancellation.IsCancellationRequested);
        Out.WriteLine(report.SummaryLine);
        return report.Failed > 0 ? ExitCodes.TaskFailed
            : cancellation.IsCancellationRequested ? ExitCodes.Cancelled
            : ExitCodes.Success;
    }

    private async Task<RunReport> ExecutePlanAsync(ExecutionPlan plan, RunSettings settings, CancellationToken cancellation)
    {
        var runId = RunLogs.NewRunId(environment.Time);
        var logDirectory = RunLogs.LogDirectory(settings.DataRoot, runId);
        ITaskExecutor? executor = null;
        try
        {
            executor = await environment.CreateExecutor(settings.Executor, Out, cancellation);
            var firstAttempts = plan.ToRun
                .Select(planned => new TaskInvocation(planned.Task.Id, planned.Task.Step, planned.Task.Image, planned.Task.Arguments, runId, 0, planned.Task.NeedsNetwork))
                .ToList();
            await executor.EnsureReadyAsync(firstAttempts, cancellation);

            Out.WriteLine($"run {runId}: {firstAttempts.Count} to run with the {executor.Name} executor; logs in {logDirectory}");
            var options = new EngineOptions(settings.Options.Workers, settings.Options.Retries, environment.RetryBaseDelay, logDirectory);
            return await new ExecutionEngine(executor, options, Out, environment.Time).RunAsync(plan, runId, cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Cancelled while choosing or preparing the executor: nothing started.
            return RunReport.FromPlan(runId, plan);
        }
        finally
        {
            (executor as IDisposable)?.Dispose();
        }
    }

    private static string RequireUpstream(TaskGraph graph, string forced, string target)
    {
        var id = graph.Get(forced).Id;
        return graph.UpstreamOf([target]).Any(task => task.Id == id) ? id : throw UsageException.ForcedTaskNotNeeded(id, target);
    }
}
