namespace Orchestrator.Execution.Staging;

/// <summary>
/// Where attempts write before their outputs are promoted. The staging folder depends on the task
/// alone, not the run: a rerun after a crash that reattaches to the task's still-running container
/// must promote from the folder that container writes to. The run lock makes the folder one run's at a time.
/// </summary>
internal static class StagingPaths
{
    public const string Staging = $"{RunLogs.OrchestratorDirectory}/staging";
    public const string Failed = $"{RunLogs.OrchestratorDirectory}/failed";

    /// <summary>data_root/.orchestrator/staging/&lt;task&gt; on this machine.</summary>
    public static string StagingDirectory(string dataRoot, string taskId) => Path.Combine(dataRoot, Staging, taskId);

    /// <summary>The staging folder relative to the data root.</summary>
    public static string StagingRelative(string taskId) => $"{Staging}/{taskId}";

    /// <summary>data_root/.orchestrator/failed/&lt;run&gt;/&lt;task&gt;: a failed attempt's staging folder, kept for inspection.</summary>
    public static string FailedDirectory(string dataRoot, string runId, string taskId) => Path.Combine(dataRoot, Failed, runId, taskId);
}
