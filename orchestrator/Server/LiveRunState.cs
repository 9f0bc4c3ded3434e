using WinePipeline.Orchestrator.Execution;
using WinePipeline.Orchestrator.Execution.Observation;
using WinePipeline.Orchestrator.Planning;

namespace WinePipeline.Orchestrator.Server;

/// <summary>The latest state of each task in the run this server started last, as the engine reports it.</summary>
internal sealed class LiveRunState : IRunObserver
{
    private readonly Lock gate = new();
    private Dictionary<string, TaskReport> reports = new(StringComparer.Ordinal);

    public string? RunId { get; private set; }

    public bool Running { get; private set; }

    public void RunStarted(string runId, ExecutionPlan plan)
    {
        lock (gate)
        {
            RunId = runId;
            Running = true;
            reports = RunReport.FromPlan(runId, plan).Tasks.ToDictionary(report => report.Task.Id, StringComparer.Ordinal);
        }
    }

    public void TaskStateChanged(string runId, TaskReport report)
    {
        lock (gate)
        {
            reports[report.Task.Id] = report;
        }
    }

    public void TaskLogLine(string runId, string taskId, int attempt, LogStream stream, string text)
    {
    }

    public void RunFinished(RunReport report)
    {
        lock (gate)
        {
            Running = false;
        }
    }

    public TaskReport? Task(string taskId)
    {
        lock (gate)
        {
            return reports.GetValueOrDefault(taskId);
        }
    }
}
