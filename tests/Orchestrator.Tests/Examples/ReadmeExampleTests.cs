using System.Text.RegularExpressions;

namespace Orchestrator.Tests.Examples;

/// <summary>The README's "Write your own pipeline" shows the example files as they are, and its command works exactly as printed.</summary>
public partial class ReadmeExampleTests
{
    private static readonly string Section = ReadSection();

    [Fact]
    public void The_yaml_and_csharp_blocks_are_the_example_files()
    {
        Assert.Equal(File.ReadAllText(Path.Combine(ProgramRun.RepositoryRoot, "examples", "numbers", "pipeline.yaml")), Block("yaml"));
        Assert.Equal(File.ReadAllText(Path.Combine(ProgramRun.RepositoryRoot, "examples", "numbers-csharp", "Program.cs")), Block("csharp"));
    }

    [Fact]
    public async Task The_command_runs_as_printed()
    {
        var command = Block("bash").Trim();
        var dataRoot = Path.Combine(ProgramRun.RepositoryRoot, "examples", "numbers", "data");
        if (Directory.Exists(dataRoot))
        {
            Directory.Delete(dataRoot, recursive: true);
        }

        try
        {
            var result = await ProgramRun.RunAsync("bash", ["-c", command], ProgramRun.RepositoryRoot);

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal("summary: 4 ran, 0 already complete, 0 failed", result.LastLine);
            Assert.True(File.Exists(Path.Combine(dataRoot, "report", "counts.json")));
        }
        finally
        {
            Directory.Delete(dataRoot, recursive: true);
        }
    }

    private static string Block(string language) =>
        FencedBlock().Matches(Section).Single(match => match.Groups["language"].Value == language).Groups["body"].Value;

    private static string ReadSection()
    {
        var readme = File.ReadAllText(Path.Combine(ProgramRun.RepositoryRoot, "README.md"));
        var start = readme.IndexOf("## Write your own pipeline", StringComparison.Ordinal);
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return readme[start..end];
    }

    [GeneratedRegex(@"```(?<language>\w+)\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex FencedBlock();
}
