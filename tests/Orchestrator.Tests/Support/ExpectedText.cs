using System.Runtime.CompilerServices;

namespace Orchestrator.Tests.Support;

/// <summary>
/// Snapshot checks against plain files in Expected/. Set UPDATE_EXPECTED=1 to rewrite them from the
/// actual output, then review the diff.
/// </summary>
internal static class ExpectedText
{
    public static void Matches(string fileName, string actual, [CallerFilePath] string callerFile = "")
    {
        var path = Path.Combine(ProjectDirectory(callerFile), "Expected", fileName);
        var normalized = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("UPDATE_EXPECTED") == "1")
        {
            File.WriteAllText(path, normalized);
        }

        Assert.True(File.Exists(path), $"missing expected file {path}; run with UPDATE_EXPECTED=1 to create it");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), normalized);
    }

    private static string ProjectDirectory(string callerFile)
    {
        var directory = new DirectoryInfo(Path.GetDirectoryName(callerFile)!);
        while (!File.Exists(Path.Combine(directory.FullName, "Orchestrator.Tests.csproj")))
        {
            directory = directory.Parent!;
        }

        return directory.FullName;
    }
}
