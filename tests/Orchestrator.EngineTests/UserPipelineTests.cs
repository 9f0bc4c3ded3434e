using Orchestrator.Cli;
using Orchestrator.EngineTests.Fixtures;

namespace Orchestrator.EngineTests;

/// <summary>User pipeline files, no wine in them, run in containers of the busybox test image by the docker executor.</summary>
[Collection(EngineCollection.Name)]
public class UserPipelineTests(EngineFixture engine)
{
    private static readonly string PipelineFile = Path.Combine(FindRepositoryRoot(), "examples", "numbers", "pipeline.yaml");

    // Each Eat variant holds ${mb} million bytes in a shell variable within a 64 MiB container; Pick takes the largest meal that fit.
    private const string Meals = """
        name: meals
        parameters:
          image: { default: "busybox" }
        tasks:
          Eat:
            image: ${image}
            matrix: { mb: [1, 200, 2] }
            resources: { memory: 64m }
            args: [sh, -c, "x=$$(head -c ${mb}000000 /dev/zero | tr '\\0' a); echo ${mb} > ${out}/meal.txt"]
            output-dir: meals
            outputs: { meal: meal.txt }
          Pick:
            image: ${image}
            join: true
            args: [sh, -c, "max=0; for meal in \"$$@\"; do n=$$(cat $$meal); [ $$n -gt $$max ] && max=$$n; done; echo $$max > ${out}/chosen.txt; echo \"$$ORCHESTRATOR_FAILED_VARIANTS\" > ${out}/failed.txt", pick, "${Eat[*].meal}"]
            output-dir: pick
            outputs: { chosen: chosen.txt, failed: failed.txt }
        """;

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

    [Fact]
    public async Task A_variant_killed_for_memory_fails_alone_in_words_and_the_join_chooses_among_the_others()
    {
        var dataRoot = engine.NewDataRoot();
        var file = Path.Combine(dataRoot, "meals.yaml");
        await File.WriteAllTextAsync(file, Meals);

        var run = await RunAsync(["run", "-f", file, "--executor", "docker", "--data-root", dataRoot, "-p", $"image={BusyboxTestImage.Name}"]);

        Assert.True(run.ExitCode == 1, run.Output);
        Assert.Contains("Eat[mb=200]", run.Output);
        Assert.Contains("ran out of memory (limit 64 MiB)", run.Output);
        Assert.EndsWith("summary: 3 ran, 0 already complete, 1 failed", run.Output.TrimEnd());
        Assert.Equal("2\n", File.ReadAllText(Path.Combine(dataRoot, "pick", "chosen.txt")));
        Assert.Equal("Eat[mb=200]\n", File.ReadAllText(Path.Combine(dataRoot, "pick", "failed.txt")));
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
