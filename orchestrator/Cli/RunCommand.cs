using WinePipeline.Orchestrator.Execution;
using WinePipeline.Orchestrator.Execution.Observation;
using WinePipeline.Orchestrator.Execution.Staging;
using WinePipeline.Orchestrator.Fingerprints;
using WinePipeline.Orchestrator.Graph;
using WinePipeline.Orchestrator.History;
using WinePipeline.Orchestrator.Locking;
using WinePipeline.Orchestrator.Planning;

namespace WinePipeline.Orchestrator.Cli;

/// <summary>
/// `run [TASK]`: validate the graph and options, take the data root's lock, plan, run what the plan
/// says, report. The last line is always the summary. Every run goes into the data root's history.
/// </summary>
/// <param name="trigger">What started the run, as the history records it.</param>
/// <param name="observer">Also told of the run as it goes (the web UI); the history is always told.</param>
/// <param name="assignedRunId">The id to record the run under, when the caller has already handed it out (the web UI's POST /api/runs).</param>
internal sealed partial class RunCommand(CliEnvironment environment, RunTrigger trigger = RunTrigger.Cli, IRunObserver? observer = null, string? assignedRunId = null)
{
    private TextWriter Out => environment.Out;

    /// <summary>The report of the last run this command made (all complete when there was nothing to run).</summary>
    public RunReport? Report { get; private set; }

    public async Task<int> ExecuteAsync(RunOptions options, CancellationToken cancellation)
    {
        var settings = RunSettings.Resolve(options, environment);
        var graph = TaskGraph.Create(environment.Pipeline(settings.Parameters));
        var target = graph.Get(options.Target).Id;
        string[] forced = options.Force is null ? [] : [RequireUpstream(graph, options.Force, target)];

        if (options.DryRun)
        {
            var preview = Planner.Plan(graph, CompletionCheck.For(settings.DataRoot, options.ExistenceOnly).State, [target], forced);
            WritePlan(preview, settings.DataRoot);
            Out.WriteLine(RunReport.FormatSummary(0, preview.CompleteCount, 0));
            return ExitCodes.Success;
        }

        Directory.CreateDirectory(settings.DataRoot);
        using var runLock = RunLock.Acquire(settings.DataRoot, environment.Time);
        var completion = CompletionCheck.For(settings.DataRoot, options.ExistenceOnly);
        var plan = Planner.Plan(graph, completion.State, [target], forced);
        completion.Hashes.Save();
        WritePlan(plan, settings.DataRoot);
        var history = RunHistory.Open(settings.DataRoot);
        if (!plan.ToRun.Any())
        {
            var nothingToRun = $"nothing to run: {target} is complete";
            Report = RunReport.FromPlan(assignedRunId ?? RunLogs.NewRunId(environment.Time), plan);
            history.RunNotStarted(Report.RunId, trigger, environment.Time.GetUtcNow(), RunOutcome.NothingToDo, nothingToRun);
            Out.WriteLine(nothingToRun);
            Out.WriteLine(RunReport.FormatSummary(0, plan.CompleteCount, 0));
            return ExitCodes.Success;
        }

        var report = Report = await ExecutePlanAsync(plan, settings, history, StagedExecutorFactory(graph, settings.DataRoot, completion.Hashes), cancellation);
        WriteOutcome(report, cancellation.IsCancellationRequested);
        Out.WriteLine(report.SummaryLine);
        return report.Failed > 0 ? ExitCodes.TaskFailed
            : cancellation.IsCancellationRequested ? ExitCodes.Cancelled
            : ExitCodes.Success;
    }

    /// <param name="staged">Wraps the executor so the orchestrator stages and promotes outputs and writes fingerprints.</param>
    private async Task<RunReport> ExecutePlanAsync(ExecutionPlan plan, RunSettings settings, RunHistory history, Func<ITaskExecutor, ITaskExecutor> staged, CancellationToken cancellation)
    {
        var runId = assignedRunId ?? RunLogs.NewRunId(environment.Time);
        var logDirectory = RunLogs.LogDirectory(settings.DataRoot, runId);
        ITaskExecutor? executor = null;
        try
        {
            executor = staged(await environment.CreateExecutor(settings.Executor, Out, cancellation));
            var firstAttempts = plan.ToRun.Select(planned => TaskInvocation.Of(planned.Task, runId, attempt: 0)).ToList();
            await executor.EnsureReadyAsync(firstAttempts, cancellation);

            Out.WriteLine($"run {runId}: {firstAttempts.Count} to run with the {executor.Name} executor; logs in {logDirectory}");
            var options = new EngineOptions(settings.Options.Workers, settings.Options.Retries, environment.RetryBaseDelay, logDirectory);
            var observers = RunObserver.Combine(new HistoryRecorder(history, trigger, settings.DataRoot, environment.Time), observer);
            return await new ExecutionEngine(executor, options, Out, environment.Time, observers).RunAsync(plan, runId, cancellation);
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

    private static Func<ITaskExecutor, ITaskExecutor> StagedExecutorFactory(TaskGraph graph, string dataRoot, ContentHashes hashes) =>
        executor => new StagingExecutor(executor, graph, dataRoot, hashes);

    private static string RequireUpstream(TaskGraph graph, string forced, string target)
    {
        var id = graph.Get(forced).Id;
        return graph.UpstreamOf([target]).Any(task => task.Id == id) ? id : throw UsageException.ForcedTaskNotNeeded(id, target);
    }
}
