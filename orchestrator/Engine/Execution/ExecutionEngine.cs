using Orchestrator.Execution.Observation;
using Orchestrator.Execution.Staging;
using Orchestrator.Fingerprints;
using Orchestrator.Planning;

namespace Orchestrator.Execution;

/// <summary>
/// Walks a plan: starts every pending task whose dependencies are done, up to
/// <see cref="EngineOptions.Workers"/> at a time. Each attempt writes into a staging folder that the
/// engine promotes on success, with the fingerprint last. A failed task stops its dependents while
/// independent branches finish; cancellation aborts running tasks and starts no more.
/// </summary>
/// <param name="output">Progress and task output; must be safe to write from several threads.</param>
/// <param name="observer">Told of every state change and log line (history, web UI); none by default.</param>
internal sealed partial class ExecutionEngine(ITaskExecutor executor, EngineOptions options, ContentHashes hashes, TextWriter output, TimeProvider time, IRunObserver? observer = null)
{
    private readonly IRunObserver observer = observer ?? RunObserver.None;
    private readonly OutputPromotion promotion = new(options.DataRoot, hashes, executor as ICodeIdentity);

    public async Task<RunReport> RunAsync(ExecutionPlan plan, string runId, CancellationToken cancellation)
    {
        var reports = RunReport.FromPlan(runId, plan).Tasks.ToDictionary(report => report.Task.Id, StringComparer.Ordinal);
        var pending = plan.ToRun.Select(planned => planned.Task).ToList();
        var running = new Dictionary<Task<TaskReport>, string>();
        var capacity = new Capacity(options.Cpus, options.MemoryBytes);
        observer.RunStarted(runId, plan);

        while (true)
        {
            if (!cancellation.IsCancellationRequested)
            {
                foreach (var task in pending.Where(task => JoinInputs.IsReady(task, reports)).ToList())
                {
                    if (running.Count >= options.Workers || !capacity.TryTake(task))
                    {
                        continue;
                    }

                    pending.Remove(task);
                    var effective = JoinInputs.Effective(task, reports);
                    reports[task.Id] = reports[task.Id] with { Task = effective, State = new TaskState(ExecutionStatus.Running, "started") };
                    running.Add(RunTaskAsync(reports[task.Id], runId, cancellation), task.Id);
                }
            }

            if (running.Count == 0)
            {
                break;
            }

            var finished = await Task.WhenAny(running.Keys);
            running.Remove(finished);
            var report = await finished;
            capacity.Release(report.Task);
            reports[report.Task.Id] = report;
            observer.TaskStateChanged(runId, report);
            StopDependentsOfUnsuccessful(pending, reports, runId);
        }

        foreach (var task in pending)
        {
            reports[task.Id] = reports[task.Id] with { State = new TaskState(ExecutionStatus.NotRun, "run cancelled") };
            observer.TaskStateChanged(runId, reports[task.Id]);
        }

        hashes.Save();
        var runReport = new RunReport(runId, plan.Tasks.Select(planned => reports[planned.Task.Id]).ToList());
        observer.RunFinished(runReport);
        return runReport;
    }

    // Pending is in dependency order, so one pass carries the first cause down a whole branch.
    private void StopDependentsOfUnsuccessful(List<Graph.TaskDefinition> pending, Dictionary<string, TaskReport> reports, string runId)
    {
        foreach (var task in pending.ToList())
        {
            var blocker = JoinInputs.Blocker(task, reports);
            if (blocker is null)
            {
                continue;
            }

            var reason = blocker.Status == ExecutionStatus.NotRun ? blocker.State.Reason : $"upstream {blocker.Task.Id} {blocker.Status.ToString().ToLowerInvariant()}";
            reports[task.Id] = reports[task.Id] with { State = new TaskState(ExecutionStatus.NotRun, reason) };
            observer.TaskStateChanged(runId, reports[task.Id]);
            pending.Remove(task);
        }
    }
}
