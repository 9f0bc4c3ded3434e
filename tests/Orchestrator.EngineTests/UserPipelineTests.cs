using Orchestrator.Cli;
using Orchestrator.EngineTests.Fixtures;

namespace Orchestrator.EngineTests;

/// <summary>The numbers example pipeline file, no wine in it, run in containers of the busybox test image by the docker executor.</summary>
[Collection(EngineCollection.Name)]
public class UserPipelineTests(EngineFixture engine)
{
    private static readonly string PipelineFile = Path.Combine(FindRepositoryRoot(), "examples", "numbers", "pipeline.yaml");

    [Fact]
    public async Task The_example_file_runs_in_containers_resumes_and_reports_a_changed_parameter()
    {
        var dataRoot = engine.NewDataRoot();
        string[] common = ["-f", PipelineFile, "--executor", "docker", "--data-root", dataRoot, "-p", $"image={BusyboxTestImage.Name}"];

        var first = await RunAsync(["run", .. common]);
        Assert.True(first.ExitCode == 0, first.Output);
        Assert.EndsWith("summary: 4 ran, 0 already complete, 0 failed", first.Output.TrimEnd());
        Assert.Equal("{\"evens\": 50, \"odds\": 50}", File.ReadAllText(Path.Combine(dataRoot, "report", "counts.json")).Trim());

        File.Delete(Path.Combine(dataRoot, "numbers", "evens.txt"));
        var resumed = await RunAsync(["run", .. common]);
        Assert.EndsWith("summary: 2 ran, 2 already complete, 0 failed", resumed.Output.TrimEnd());

        var status = await RunAsync(["status", "-f", PipelineFile, "--data-root", dataRoot, "-p", "count=7"]);
        Assert.Contains("stale: parameter count changed", status.Output);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string[] args)
    {
        var output = new StringWriter();
        var environment = new CliEnvironment(output, output, TimeProvider.System) { GetVariable = _ => null };
        var exitCode = await new CliApp(environment).RunAsync(args, CancellationToken.None);
        return (exitCode, output.ToString());
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "WinePipeline.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("the tests run outside the checkout");
    }
}
