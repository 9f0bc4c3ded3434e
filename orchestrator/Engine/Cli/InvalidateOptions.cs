using CommandLine;

namespace Orchestrator.Cli;

[Verb("invalidate", HelpText = "Remove a task's outputs, flags and fingerprints and those of everything downstream of it.")]
internal sealed class InvalidateOptions : DataRootOptions
{
    [Value(0, MetaName = "TASK", HelpText = "The task to invalidate, with everything that depends on it.")]
    public string? Target { get; set; }
}
