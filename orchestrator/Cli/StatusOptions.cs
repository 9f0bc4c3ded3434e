using CommandLine;
using WinePipeline.Orchestrator.Pipeline;

namespace WinePipeline.Orchestrator.Cli;

[Verb("status", HelpText = "Show every task with its state and the reason.")]
public sealed class StatusOptions : DataRootOptions
{
    [Value(0, MetaName = "TASK", HelpText = "Show only this task and what it needs (default: the whole graph).")]
    public string? Target { get; set; }

    [Option("dataset-url", MetaValue = "URL", Default = PipelineParameters.DefaultDatasetUrl, HelpText = "The dataset URL runs use; DownloadData is stale when it changed.")]
    public string DatasetUrl { get; set; } = PipelineParameters.DefaultDatasetUrl;

    [Option("existence-only", HelpText = "A task is complete when its outputs exist, as in Luigi; fingerprints are not checked.")]
    public bool ExistenceOnly { get; set; }
}
