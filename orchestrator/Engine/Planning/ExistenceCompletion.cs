using Orchestrator.Graph;

namespace Orchestrator.Planning;

/// <summary>Luigi's semantics: a task is complete when all its outputs exist, whatever made them.</summary>
internal sealed class ExistenceCompletion(IOutputState outputs) : ICompletionState
{
    public TaskCompletion Check(TaskDefinition task) =>
        task.Outputs.FirstOrDefault(output => !outputs.Exists(output.Path)) is { } missing
            ? TaskCompletion.Missing(missing.Path)
            : TaskCompletion.Complete;
}
