using Orchestrator.Execution;

namespace Orchestrator.Tests.Support;

/// <summary>
/// Two tasks shaped like the wine pipeline's: Make writes interim/made.csv from its parameter "rows",
/// completes with a flag, and its code is make.dll in the code folder; Use reads interim/made.csv and
/// writes output/used.txt as its single output.
/// </summary>
internal static class StagedGraph
{
    public const string Made = "interim/made.csv";
    public const string MakeFlag = "interim/.SUCCESS_Make";
    public const string Used = "output/used.txt";
    public const string UseFingerprint = ".orchestrator/fingerprints/Use.json";
    public const string CodeFile = "make.dll";
    public const string DefaultRows = "1,2";

    /// <param name="codeDirectory">Where Make's code file lives (the pipeline's base folder).</param>
    public static Pipeline Pipeline(string codeDirectory)
    {
        var pipeline = new PipelineBuilder("staged").BaseDirectory(codeDirectory);
        var rows = pipeline.Parameter("rows", DefaultRows);
        var make = pipeline.Task("Make").Image("test/make:1").Code(CodeFile).OutputDirectory("interim").CompleteWhen(Completion.Flag)
            .Args("--text", rows, "--out-dir", Out.Directory, "--write", "made.csv", "--flag", ".SUCCESS_Make")
            .Output("made", "made.csv");
        pipeline.Task("Use").Image("test/use:1").OutputDirectory("output")
            .Args("--in-csv", make.Ref("made"), "--out-dir", Out.Directory, "--write", "used.txt")
            .Output("used", "used.txt");
        return pipeline.Build();
    }

    /// <summary>Runs the CLI on this pipeline with <paramref name="executor"/>.</summary>
    public static Task<CliResult> RunAsync(Pipeline pipeline, FileWritingExecutor executor, params string[] args) =>
        CliRunner.RunPipelineAsync(pipeline, executor, args);
}
