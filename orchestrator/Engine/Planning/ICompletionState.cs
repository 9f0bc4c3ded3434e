using Orchestrator.Graph;

namespace Orchestrator.Planning;

/// <summary>What the planner may know about a task's outputs in data_root: complete, missing or stale, and why.</summary>
internal interface ICompletionState
{
    /// <summary>Only called for tasks none of whose dependencies will run.</summary>
    TaskCompletion Check(TaskDefinition task);
}
