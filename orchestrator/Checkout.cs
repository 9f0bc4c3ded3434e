namespace WinePipeline;

/// <summary>The checkout the wine steps are published from: the folder holding WinePipeline.slnx at or above the current folder or this program; else the current folder.</summary>
internal static class Checkout
{
    private const string SolutionFile = "WinePipeline.slnx";

    public static string Root()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
                {
                    return directory.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
