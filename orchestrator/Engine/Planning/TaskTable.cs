namespace Orchestrator.Planning;

/// <summary>
/// Tasks as aligned "id  status  reason" lines, for the plan of `run` and for `status`. The variants of
/// a sweep are grouped under their task: a line with its counts, then one indented line per variant.
/// </summary>
internal static class TaskTable
{
    public static void Write(TextWriter output, IEnumerable<PlannedTask> tasks, string indent = "  ")
    {
        var rows = Rows(tasks.ToList()).ToList();
        var labelWidth = rows.Max(row => row.Label.Length);
        var statusWidth = Enum.GetNames<ExecutionStatus>().Max(name => name.Length);
        foreach (var (label, status, reason) in rows)
        {
            output.WriteLine(status is null ? $"{indent}{label}" : $"{indent}{label.PadRight(labelWidth)}  {status.PadRight(statusWidth)}  {reason}".TrimEnd());
        }
    }

    private static IEnumerable<(string Label, string? Status, string Reason)> Rows(List<PlannedTask> tasks)
    {
        var shown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            if (task.Task.Group is not { } group)
            {
                yield return (task.Task.Id, task.State.Status.ToString(), task.State.Reason);
                continue;
            }

            if (!shown.Add(group))
            {
                continue;
            }

            var variants = tasks.Where(candidate => candidate.Task.Group == group).ToList();
            var counts = variants.GroupBy(variant => variant.State.Status).OrderBy(count => count.Key).Select(count => $"{count.Count()} {count.Key}");
            yield return ($"{group} ({variants.Count} variants: {string.Join(", ", counts)})", null, string.Empty);
            foreach (var variant in variants)
            {
                yield return ($"  {variant.Task.Id[group.Length..]}", variant.State.Status.ToString(), variant.State.Reason);
            }
        }
    }
}
