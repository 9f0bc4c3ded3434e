namespace Orchestrator.Tests.Support;

/// <summary>
/// Snapshot checks against plain files in Expected/. Set UPDATE_EXPECTED=1 to rewrite them from the
/// actual output, then review the diff.
/// </summary>
internal static class ExpectedText
{
    public static void Matches(string fileName, string actual)
    {
        var path = Path.Combine(SourceTree.ProjectDirectory, "Expected", fileName);
        var normalized = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("UPDATE_EXPECTED") == "1")
        {
            File.WriteAllText(path, normalized);
        }

        Assert.True(File.Exists(path), $"missing expected file {path}; run with UPDATE_EXPECTED=1 to create it");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), normalized);
    }
}
