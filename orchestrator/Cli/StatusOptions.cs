using CommandLine;

namespace WinePipeline.Orchestrator.Cli;

[Verb("status", HelpText = "Show every task with its state and the reason.")]
public sealed class StatusOptions : DataRootOptions
{
    [Value(0, MetaName = "TASK", HelpText = "Show only this task and what it needs (default: the whole graph).")]
    public string? Target { get; set; }
}
