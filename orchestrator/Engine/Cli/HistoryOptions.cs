using CommandLine;

namespace Orchestrator.Cli;

[Verb("history", HelpText = "List past runs with their outcome and the pipeline's report columns, or compare two runs.")]
internal sealed class HistoryOptions : DataRootOptions
{
    [Option("compare", MetaValue = "RUN_A RUN_B", Min = 2, Max = 2, HelpText = "Show two runs' metrics and parameters side by side with the change from RUN_A to RUN_B.")]
    public IEnumerable<string> Compare { get; set; } = [];

    [Option("experiment", MetaValue = "RUN", HelpText = "The variants of the sweeps RUN ran: their values, outcome, time and metrics, best first.")]
    public string? Experiment { get; set; }

    [Option("limit", MetaValue = "N", Default = 20, HelpText = "How many of the latest runs to list.")]
    public int Limit { get; set; } = 20;
}
