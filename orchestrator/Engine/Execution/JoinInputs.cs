using Orchestrator.Graph;
using Orchestrator.Planning;

namespace Orchestrator.Execution;

/// <summary>
/// What a join sees of its sweeps: it may start once none of its variants is still to finish, at least
/// one of each sweep succeeded (or was complete), and every other dependency is done; the variants that
/// failed are left out of its arguments and inputs, and named to it in ORCHESTRATOR_FAILED_VARIANTS.
/// </summary>
internal static class JoinInputs
{
    public const string FailedVariantsVariable = "ORCHESTRATOR_FAILED_VARIANTS";

    public static bool IsReady(TaskDefinition task, IReadOnlyDictionary<string, TaskReport> reports) =>
        task.IsJoin
            ? task.DependsOn.All(id => IsDone(reports[id]) || (IsVariant(reports[id]) && IsFinishedUnsuccessfully(reports[id]))) && Blocker(task, reports) is null
            : task.DependsOn.All(id => IsDone(reports[id]));

    /// <summary>The dependency that stops the task: any unsuccessful one, or for a join a non-variant one or a sweep none of whose variants succeeded.</summary>
    public static TaskReport? Blocker(TaskDefinition task, IReadOnlyDictionary<string, TaskReport> reports)
    {
        var dependencies = task.DependsOn.Select(id => reports[id]).ToList();
        if (!task.IsJoin)
        {
            return dependencies.FirstOrDefault(IsFinishedUnsuccessfully);
        }

        return dependencies.Where(report => !IsVariant(report)).FirstOrDefault(IsFinishedUnsuccessfully)
            ?? dependencies.Where(IsVariant).GroupBy(report => report.Task.Group)
                .Where(group => group.All(IsFinishedUnsuccessfully)).Select(group => group.First()).FirstOrDefault();
    }

    /// <summary>The join without the variants that failed.</summary>
    public static TaskDefinition Effective(TaskDefinition task, IReadOnlyDictionary<string, TaskReport> reports)
    {
        if (!task.IsJoin)
        {
            return task;
        }

        var failed = task.DependsOn.Select(id => reports[id]).Where(report => IsVariant(report) && !IsDone(report)).Select(report => report.Task).ToList();
        if (failed.Count == 0)
        {
            return task;
        }

        var ids = failed.Select(variant => variant.Id).ToHashSet(StringComparer.Ordinal);
        var paths = failed.SelectMany(variant => variant.DataFiles).ToHashSet(StringComparer.Ordinal);
        return task with
        {
            Arguments = task.Arguments.Where(argument => argument.Variant is null || !ids.Contains(argument.Variant)).ToList(),
            Inputs = task.Inputs.Where(path => !paths.Contains(path)).ToList(),
            Environment = new Dictionary<string, TaskArgument>(task.Environment) { [FailedVariantsVariable] = string.Join(',', ids.Order(StringComparer.Ordinal)) },
        };
    }

    private static bool IsVariant(TaskReport report) => report.Task.Group is not null;

    private static bool IsDone(TaskReport report) => report.Status is ExecutionStatus.Complete or ExecutionStatus.Succeeded;

    private static bool IsFinishedUnsuccessfully(TaskReport report) => report.Status is ExecutionStatus.Failed or ExecutionStatus.Aborted or ExecutionStatus.NotRun;
}
