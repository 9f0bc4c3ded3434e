using Orchestrator.Planning;

namespace Orchestrator.Execution.Observation;

/// <summary>Ready-made observers: one that ignores everything, and one that forwards to several.</summary>
internal static class RunObserver
{
    public static IRunObserver None { get; } = new CompositeRunObserver([]);

    public static IRunObserver Combine(params IEnumerable<IRunObserver?> observers) =>
        new CompositeRunObserver(observers.OfType<IRunObserver>().ToList());

    private sealed class CompositeRunObserver(IReadOnlyList<IRunObserver> observers) : IRunObserver
    {
        public void RunStarted(string runId, ExecutionPlan plan) =>
            Each(observer => observer.RunStarted(runId, plan));

        public void TaskStateChanged(string runId, TaskReport report) =>
            Each(observer => observer.TaskStateChanged(runId, report));

        public void TaskLogLine(string runId, string taskId, int attempt, LogStream stream, string text) =>
            Each(observer => observer.TaskLogLine(runId, taskId, attempt, stream, text));

        public void RunFinished(RunReport report) =>
            Each(observer => observer.RunFinished(report));

        private void Each(Action<IRunObserver> call)
        {
            foreach (var observer in observers)
            {
                call(observer);
            }
        }
    }
}
