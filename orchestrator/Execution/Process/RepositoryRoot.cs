namespace WinePipeline.Orchestrator.Execution.Process;

/// <summary>Finds the checkout (the directory holding WinePipeline.slnx) that step programs are published from.</summary>
public static class RepositoryRoot
{
    public const string SolutionFile = "WinePipeline.slnx";

    /// <summary>The first directory at or above one of <paramref name="starts"/> that holds the solution, or null.</summary>
    public static string? Find(params string[] starts)
    {
        foreach (var start in starts)
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
                {
                    return directory.FullName;
                }
            }
        }

        return null;
    }
}
