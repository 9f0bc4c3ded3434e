using Orchestrator.Execution;
using Orchestrator.Execution.Observation;
using Orchestrator.Execution.Staging;
using Orchestrator.Graph;
using Orchestrator.History;
using Orchestrator.Locking;
using Orchestrator.Planning;

namespace Orchestrator.Runs;

/// <summary>
/// Runs a pipeline on a data root: resolves parameters, takes the data root's lock, plans, runs what the
/// plan says with an executor, and records the run. The CLI, the web UI and schedules all start runs here.
/// Writes the plan, progress and, last, the summary line to <see cref="RunContext.Out"/>.
/// </summary>
internal sealed partial class PipelineRunner(Pipeline pipeline, RunContext context)
{
    private TextWriter Out => context.Out;

    public Pipeline Pipeline => pipeline;

    /// <summary>Checks the request against the definition; throws <see cref="InvalidPipelineException"/> or <see cref="InvalidGraphException"/>.</summary>
    public PreparedRun Prepare(RunRequest request)
    {
        var parameters = ParameterValues.Resolve(pipeline, request.Parameters, context.GetVariable, new ParameterStore(request.DataRoot, pipeline).Read());
        var graph = pipeline.Resolve(parameters.AsDictionary());
        var target = graph.Get(request.Target ?? pipeline.DefaultTarget).Id;
        string[] forced = request.Force is null ? [] : [RequireUpstream(graph, request.Force, target)];
        return new PreparedRun(request, parameters, graph, target, forced);
    }

    /// <summary>What a run would do now, without the lock and without running anything.</summary>
    public ExecutionPlan Preview(PreparedRun run, CancellationToken cancellation = default) =>
        Planner.Plan(run.Graph, CompletionCheck.For(run.Request.DataRoot, run.Request.ExistenceOnly, run.Request.Verify, cancellation).State, [run.Target], run.Forced);

    public async Task<RunResult> RunAsync(RunRequest request, IRunObserver? observer, CancellationToken cancellation)
    {
        var run = Prepare(request);
        Directory.CreateDirectory(request.DataRoot);
        using var runLock = RunLock.Acquire(request.DataRoot, context.Time);
        var history = RunHistory.Open(request.DataRoot, context.Error);
        history.MarkInterrupted(context.Time.GetUtcNow());
        RemoveLeftovers(run, request.DataRoot);
        new ParameterStore(request.DataRoot, pipeline).Remember(run.Parameters);

        var completion = CompletionCheck.For(request.DataRoot, request.ExistenceOnly, request.Verify, cancellation);
        var plan = Planner.Plan(run.Graph, completion.State, [run.Target], run.Forced);
        completion.Hashes.Save();
        WritePlan(plan, request.DataRoot);
        var runId = request.RunId ?? RunLogs.NewRunId(context.Time);
        var values = run.Parameters.AsDictionary();
        if (!plan.ToRun.Any())
        {
            var report = RunReport.FromPlan(runId, plan);
            history.RunNotStarted(runId, request.Trigger, context.Time.GetUtcNow(), RunOutcome.NothingToDo, $"nothing to run: {run.Target} is complete", values);
            Out.WriteLine($"nothing to run: {run.Target} is complete");
            Out.WriteLine(report.SummaryLine);
            return new RunResult(report, RunOutcome.NothingToDo, values);
        }

        var executed = await ExecutePlanAsync(plan, runId, request, history, values, completion, observer, cancellation);
        WriteOutcome(executed, cancellation.IsCancellationRequested);
        Out.WriteLine(executed.SummaryLine);
        return new RunResult(executed, RunOutcomes.Of(executed), values);
    }

    private async Task<RunReport> ExecutePlanAsync(
        ExecutionPlan plan, string runId, RunRequest request, RunHistory history, IReadOnlyDictionary<string, string> values, CompletionCheck completion, IRunObserver? observer, CancellationToken cancellation)
    {
        var logDirectory = RunLogs.LogDirectory(request.DataRoot, runId);
        ITaskExecutor? executor = null;
        try
        {
            executor = await context.CreateExecutor(request.Executor, completion.Hashes, Out, cancellation);
            var tasks = plan.ToRun.Select(planned => planned.Task).ToList();
            await executor.EnsureReadyAsync(tasks, cancellation);

            Out.WriteLine($"run {runId}: {tasks.Count} to run with the {executor.Name} executor; logs in {logDirectory}");
            var options = await EngineOptionsAsync(request, executor, logDirectory, cancellation);
            var recorder = new HistoryRecorder(history, request.Trigger, request.DataRoot, pipeline.Report, values, context.Time);
            var engine = new ExecutionEngine(executor, options, completion.Hashes, context.TaskLines, context.Time, RunObserver.Combine(recorder, observer));
            return await engine.RunAsync(plan, runId, cancellation);
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

    /// <summary>The engine hands out --cpus and --memory, else what a cluster executor's nodes have free, else this machine's.</summary>
    private async Task<EngineOptions> EngineOptionsAsync(RunRequest request, ITaskExecutor executor, string logDirectory, CancellationToken cancellation)
    {
        var options = new EngineOptions(request.Workers, request.Retries, context.RetryBaseDelay, logDirectory, request.DataRoot);
        if (executor is IClusterCapacity cluster && (request.Cpus is null || request.MemoryBytes is null))
        {
            var free = await cluster.FreeCapacityAsync(cancellation);
            Out.WriteLine(string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"capacity: {free.Cpus:0.##} CPUs and {free.MemoryBytes / (double)(1L << 30):0.#} GiB free on {free.Nodes} {executor.Name} node(s); --cpus and --memory hand out less"));
            options = options with { Cpus = free.Cpus, MemoryBytes = free.MemoryBytes };
        }

        return options with { Cpus = request.Cpus ?? options.Cpus, MemoryBytes = request.MemoryBytes ?? options.MemoryBytes };
    }

    private void RemoveLeftovers(PreparedRun run, string dataRoot)
    {
        var folders = run.Graph.Tasks.SelectMany(task => task.DataFiles.Concat(task.Outputs.Select(output => output.Path)))
            .Select(path => Path.GetDirectoryName(Path.Combine(dataRoot, path))!)
            .Concat(BookkeepingFolders(dataRoot));
        var removed = Fingerprints.AtomicFile.RemoveLeftovers(folders);
        if (removed > 0)
        {
            Out.WriteLine($"removed {removed} half-written file(s) an interrupted run left behind");
        }
    }

    // Every folder of .orchestrator/ the orchestrator writes files into; not what steps write (staging, failed) nor the logs.
    private static IEnumerable<string> BookkeepingFolders(string dataRoot)
    {
        var state = Path.Combine(dataRoot, RunLogs.OrchestratorDirectory);
        string[] notOurs = [StagingPaths.Staging, StagingPaths.Failed, $"{RunLogs.OrchestratorDirectory}/logs"];
        return !Directory.Exists(state) ? []
            : Directory.EnumerateDirectories(state).Where(folder => !notOurs.Contains(Path.GetRelativePath(dataRoot, folder), StringComparer.Ordinal)).Prepend(state);
    }

    private static string RequireUpstream(TaskGraph graph, string forced, string target)
    {
        var id = graph.Get(forced).Id;
        return graph.UpstreamOf([target]).Any(task => task.Id == id) ? id : throw InvalidGraphException.ForcedTaskNotNeeded(id, target);
    }
}
