namespace Orchestrator.Planning;

/// <summary>What the planner may know about data_root: whether an output exists.</summary>
internal interface IOutputState
{
    /// <param name="relativePath">A path relative to data_root with '/' separators.</param>
    bool Exists(string relativePath);
}
