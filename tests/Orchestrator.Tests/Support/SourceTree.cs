using System.Runtime.CompilerServices;

namespace Orchestrator.Tests.Support;

/// <summary>Where this test project and the checkout it belongs to are, found from this file's own path.</summary>
internal static class SourceTree
{
    public static string ProjectDirectory { get; } = FindProjectDirectory();

    /// <summary>The checkout root, holding WinePipeline.slnx and steps/.</summary>
    public static string RepositoryRoot { get; } = Path.GetFullPath(Path.Combine(ProjectDirectory, "..", ".."));

    private static string FindProjectDirectory([CallerFilePath] string thisFile = "")
    {
        var directory = new DirectoryInfo(Path.GetDirectoryName(thisFile)!);
        while (!File.Exists(Path.Combine(directory.FullName, "Orchestrator.Tests.csproj")))
        {
            directory = directory.Parent!;
        }

        return directory.FullName;
    }
}
