namespace Orchestrator.Planning;

/// <summary>Outputs as files under a data root on this machine.</summary>
internal sealed class FileSystemOutputState(string dataRoot) : IOutputState
{
    public bool Exists(string relativePath) => File.Exists(Path.Combine(dataRoot, relativePath));
}
