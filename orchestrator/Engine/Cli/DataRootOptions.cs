using CommandLine;

namespace Orchestrator.Cli;

/// <summary>Options every verb shares: the pipeline and the data root it works on.</summary>
internal abstract class DataRootOptions
{
    public const string DefaultDataRoot = "./data_root";

    [Option('f', "file", MetaValue = "FILE", HelpText = "The pipeline file (YAML) to use instead of the built-in pipeline.")]
    public string? File { get; set; }

    [Option("data-root", MetaValue = "DIR", Default = DefaultDataRoot, HelpText = "The folder the pipeline's data and state live in.")]
    public string DataRoot { get; set; } = DefaultDataRoot;
}
