using CommandLine;
using WinePipeline.StepKit.Options;

namespace WinePipeline.Steps.DownloadData;

/// <summary>Options of download_data: where the raw data set comes from and what it is called.</summary>
public sealed class DownloadOptions : StepOptions
{
    [Option("name", Required = true, HelpText = "Data set name; the output is <out-dir>/<name>.csv (give the name without .csv).")]
    public string Name { get; set; } = string.Empty;

    [Option("url", Required = true, HelpText = "Source: http(s)://..., file://..., a plain path, or sample://wine-reviews?rows=N&seed=S (synthetic data).")]
    public string Url { get; set; } = string.Empty;

    [Option("timeout-seconds", Default = 300, HelpText = "An http(s) download fails when the server sends nothing for this many seconds.")]
    public int TimeoutSeconds { get; set; } = 300;
}
