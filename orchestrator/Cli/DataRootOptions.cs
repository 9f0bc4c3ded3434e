using CommandLine;

namespace WinePipeline.Orchestrator.Cli;

/// <summary>Options every verb shares.</summary>
public abstract class DataRootOptions
{
    public const string DefaultDataRoot = "./data_root";

    [Option("data-root", MetaValue = "DIR", Default = DefaultDataRoot, HelpText = "The directory holding raw/, interim/ and output/.")]
    public string DataRoot { get; set; } = DefaultDataRoot;
}
