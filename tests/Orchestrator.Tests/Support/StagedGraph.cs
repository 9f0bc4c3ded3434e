using Orchestrator.Execution;
using Orchestrator.Graph;
using WinePipeline.Pipeline;

namespace Orchestrator.Tests.Support;

/// <summary>
/// Two tasks shaped like the wine pipeline's: Make reads raw/in.csv and writes interim/made.csv with a
/// flag; Use reads interim/made.csv and writes output/used.txt as its single output.
/// </summary>
internal static class StagedGraph
{
    public const string RawInput = "raw/in.csv";
    public const string Made = "interim/made.csv";
    public const string MakeFlag = "interim/.SUCCESS_Make";
    public const string Used = "output/used.txt";

    public static IEnumerable<TaskDefinition> Tasks(PipelineParameters parameters) =>
    [
        new TaskDefinition("Make", [], [TaskOutput.Flag(MakeFlag)], new Dictionary<string, string> { ["dataset-url"] = parameters.DatasetUrl }, "make", "test/make:1",
            ["--in-csv", $"{ContainerPaths.DataRoot}/{RawInput}", "--out-dir", $"{ContainerPaths.DataRoot}/interim", "--write", "made.csv", "--flag", ".SUCCESS_Make"])
        {
            Inputs = [RawInput],
            Produces = [Made],
        },
        new TaskDefinition("Use", ["Make"], [TaskOutput.File(Used)], new Dictionary<string, string>(), "use", "test/use:1",
            ["--in-csv", $"{ContainerPaths.DataRoot}/{Made}", "--out-dir", $"{ContainerPaths.DataRoot}/output", "--write", "used.txt"])
        {
            Inputs = [Made],
        },
    ];

    /// <summary>Runs the CLI on this graph in <paramref name="dataRoot"/> with <paramref name="executor"/>.</summary>
    public static Task<CliResult> RunAsync(FileWritingExecutor executor, params string[] args) =>
        CliRunner.RunAsync(args, environment => environment with
        {
            Pipeline = Tasks,
            CreateExecutor = (_, _, _) => Task.FromResult<ITaskExecutor>(executor),
        });
}
