namespace Orchestrator.Execution;

/// <summary>Where a run keeps its bookkeeping under data_root, and how runs are named.</summary>
internal static class RunLogs
{
    public const string OrchestratorDirectory = ".orchestrator";

    public static string LogDirectory(string dataRoot, string runId) =>
        Path.Combine(dataRoot, OrchestratorDirectory, "logs", runId);

    /// <summary>A sortable, unique-enough run id: "20261122T223005Z-3f9a".</summary>
    public static string NewRunId(TimeProvider time) =>
        $"{time.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}-{Random.Shared.Next(0x10000):x4}";
}
