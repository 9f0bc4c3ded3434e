using Orchestrator.Execution;
using Orchestrator.Planning;

namespace Orchestrator.Runs;

internal sealed partial class PipelineRunner
{
    public void WritePlan(ExecutionPlan plan, string dataRoot)
    {
        Out.WriteLine($"plan for {string.Join(", ", plan.Targets)} in {dataRoot}:");
        TaskTable.Write(Out, plan.Tasks);
    }

    /// <summary>For each failed task: what ran, why it failed, its log and the tail of its stderr.</summary>
    private void WriteOutcome(RunReport report, bool cancelled)
    {
        var error = context.Error;
        foreach (var failed in report.Tasks.Where(task => task.Status == ExecutionStatus.Failed))
        {
            var result = failed.LastResult!;
            error.WriteLine($"task {failed.Task.Id} failed: {failed.State.Reason}");
            error.WriteLine($"  ran: {result.Target}");
            error.WriteLine($"  log: {failed.LogPath}");
            error.WriteLine(result.StderrTail.Count == 0 ? "  stderr: (empty)" : "  stderr (last lines):");
            foreach (var line in result.StderrTail)
            {
                error.WriteLine($"    {line}");
            }
        }

        foreach (var stopped in report.Tasks.Where(task => task.Status == ExecutionStatus.NotRun))
        {
            error.WriteLine($"task {stopped.Task.Id} not run: {stopped.State.Reason}");
        }

        if (cancelled)
        {
            var aborted = report.Tasks.Where(task => task.Status == ExecutionStatus.Aborted).Select(task => task.Task.Id).ToList();
            error.WriteLine(aborted.Count == 0 ? "run cancelled" : $"run cancelled; aborted: {string.Join(", ", aborted)}");
        }
    }
}
