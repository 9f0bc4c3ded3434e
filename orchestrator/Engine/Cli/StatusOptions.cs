using CommandLine;

namespace Orchestrator.Cli;

[Verb("status", HelpText = "Show every task with its state and the reason, and the parameter values in force.")]
internal sealed class StatusOptions : DataRootOptions
{
    [Value(0, MetaName = "TASK", HelpText = "Show only this task and what it needs (default: the whole graph).")]
    public string? Target { get; set; }

    [Option('p', "param", MetaValue = "NAME=VALUE", HelpText = "Show the state as a run with this parameter value would see it.")]
    public IEnumerable<string> Parameters { get; set; } = [];

    [Option("existence-only", HelpText = "A task is complete when its outputs exist, as in Luigi; fingerprints are not checked.")]
    public bool ExistenceOnly { get; set; }

    [Option("verify", HelpText = "Re-hash every output against its fingerprint, even when its size and time are unchanged.")]
    public bool Verify { get; set; }
}
