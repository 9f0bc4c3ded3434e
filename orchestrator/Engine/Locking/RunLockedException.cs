namespace Orchestrator.Locking;

/// <summary>Another run holds the data root; the message names it and what to do.</summary>
internal sealed class RunLockedException(string dataRoot, RunLockHolder? holder)
    : Exception($"another run is using data root {dataRoot} ({holder?.ToString() ?? "holder unknown"}); wait for it to finish or stop it, then retry")
{
    public RunLockHolder? Holder { get; } = holder;
}
