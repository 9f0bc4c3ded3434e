using System.Text.RegularExpressions;
using Orchestrator.Tests.Examples;
using Orchestrator.Tests.Support;

namespace Orchestrator.Tests.EndToEnd;

/// <summary>
/// The model is chosen without the test set: the orchestrator program runs the variants and the join
/// under strace, which records every file any process of the run opened.
/// </summary>
[Collection(ProcessPipelineCollection.Name)]
[Trait("Category", "EndToEnd")]
public partial class ExperimentFileAccessTests(ProcessPipelineFixture pipeline)
{
    [Fact]
    public async Task Training_the_variants_and_selecting_one_opens_the_training_and_validation_files_and_no_test_file()
    {
        Assert.True(pipeline.FirstRun.ExitCode == 0, pipeline.FirstRun.ToString());
        using var temp = new TempDirectory();
        var trace = temp.Combine("openat.log");
        var run = ProcessPipelineFixture.Arguments(pipeline.DataRoot);
        string[] selectModel = ["dotnet", Path.Combine(AppContext.BaseDirectory, "orchestrator.dll"), run[0], "SelectModel", .. run[1..], "-p", "experiment-trees=5,10", "-p", "experiment-leaves=20"];

        var traced = await ProgramRun.RunAsync("strace", ["-f", "-qq", "-e", "trace=open,openat,openat2", "-o", trace, .. selectModel], ProgramRun.RepositoryRoot);

        Assert.True(traced.ExitCode == 0, traced.ToString());
        Assert.Equal("summary: 3 ran, 6 already complete, 0 failed", traced.LastLine);
        var opened = OpenedDataFiles(trace, pipeline.DataRoot);
        Assert.Contains("interim/train_features.csv", opened);
        Assert.Contains("interim/train_target.csv", opened);
        Assert.Contains("output/experiments/leaves=20,trees=5/validation.json", opened);
        Assert.Contains("output/experiments/leaves=20,trees=10/validation.json", opened);
        Assert.DoesNotContain(opened, path => Path.GetFileName(path).StartsWith("test", StringComparison.Ordinal));
    }

    /// <summary>The files under the data root that the run opened, relative to it, outside the orchestrator's own folder.</summary>
    private static HashSet<string> OpenedDataFiles(string trace, string dataRoot) =>
        File.ReadLines(trace).Select(line => OpenedPath().Match(line)).Where(match => match.Success)
            .Select(match => Path.GetRelativePath(dataRoot, match.Groups["path"].Value))
            .Where(path => !path.StartsWith("..", StringComparison.Ordinal) && !path.StartsWith(".orchestrator", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);

    // e.g. 4242  openat(AT_FDCWD, "/tmp/x/interim/train_features.csv", O_RDONLY|O_CLOEXEC) = 17
    [GeneratedRegex("""open(?:at2?)?\((?:[A-Z_0-9]+, )?"(?<path>/[^"]*)",""")]
    private static partial Regex OpenedPath();
}
