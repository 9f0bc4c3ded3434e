

namespace Orchestrator.Planning;

/// <summary>Tasks as aligned "id  status  reason" lines; used by the plan of `run` and by `status`.</summary>
internal static class TaskTable
{
    public static void Write(TextWriter output, IEnumerable<PlannedTask> tasks, string indent = "  ")
    {
        var rows = tasks.ToList();
        var idWidth = rows.Max(row => row.Task.Id.Length);
        var statusWidth = Enum.GetNames<ExecutionStatus>().Max(name => name.Length);
        foreach (var row in rows)
        {
            output.WriteLine($"{indent}{row.Task.Id.PadRight(idWidth)}  {row.State.Status.ToString().PadRight(statusWidth)}  {row.State.Reason}");
        }
    }
}
