namespace WinePipeline.Orchestrator.Execution.Process;

/// <summary>Where the process executor finds step programs and data.</summary>
/// <param name="DataRoot">Absolute local data root that /usr/share/data maps onto.</param>
/// <param name="PublishDirectory">Holds &lt;step&gt;/&lt;step&gt;.dll for every step (default &lt;repo&gt;/artifacts/publish).</param>
/// <param name="RepositoryRoot">The checkout missing steps are published from; null when there is none.</param>
public sealed record ProcessExecutorSettings(string DataRoot, string PublishDirectory, string? RepositoryRoot)
{
    public string ProgramOf(string step) => Path.Combine(PublishDirectory, step, $"{step}.dll");

    /// <summary>Settings for a checkout: steps published under artifacts/publish, or under <paramref name="stepsDirectory"/> when given.</summary>
    public static ProcessExecutorSettings Locate(string dataRoot, string? stepsDirectory, params string[] searchFrom)
    {
        var repository = Process.RepositoryRoot.Find(searchFrom);
        if (stepsDirectory is not null)
        {
            return new ProcessExecutorSettings(dataRoot, Path.GetFullPath(stepsDirectory), repository);
        }

        return repository is null
            ? throw new ExecutorUnavailableException(
                $"cannot find {Process.RepositoryRoot.SolutionFile} above {string.Join(" or ", searchFrom)}; pass --steps-dir DIR holding <step>/<step>.dll for each step")
            : new ProcessExecutorSettings(dataRoot, Path.Combine(repository, "artifacts", "publish"), repository);
    }
}
