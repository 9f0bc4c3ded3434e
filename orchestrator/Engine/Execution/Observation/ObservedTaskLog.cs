namespace Orchestrator.Execution.Observation;

/// <summary>Passes each line to the attempt's log and to the run's observer.</summary>
internal sealed class ObservedTaskLog(ITaskLog inner, IRunObserver observer, string runId, string taskId, int attempt) : ITaskLog
{
    public void Line(LogStream stream, string text)
    {
        inner.Line(stream, text);
        observer.TaskLogLine(runId, taskId, attempt, stream, text);
    }
}
