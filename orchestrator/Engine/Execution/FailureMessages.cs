namespace Orchestrator.Execution;

/// <summary>Failures in the same words whichever executor saw them.</summary>
internal static class FailureMessages
{
    public static string OutOfMemory(long? limitBytes) =>
        limitBytes is { } bytes ? $"ran out of memory (limit {TaskResources.FormatMemory(bytes)})" : "ran out of memory (no limit was set; the machine ran out)";
}
