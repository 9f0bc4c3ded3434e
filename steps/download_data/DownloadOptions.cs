using CommandLine;
using WinePipeline.StepKit;
using WinePipeline.StepKit.Options;
using WinePipeline.Steps.DownloadData.Sources;

namespace WinePipeline.Steps.DownloadData;

/// <summary>Options of download_data: where the raw data set comes from, what it is called, and
/// the limits that stop a source that never ends or never arrives.</summary>
public sealed class DownloadOptions : StepOptions
{
    [Option("name", Required = true, HelpText = "Data set name; the output is <out-dir>/<name>.csv (give the name without .csv).")]
    public string Name { get; set; } = string.Empty;

    [Option("url", Required = true, HelpText = "Source: http(s)://..., file://..., a plain path, or sample://wine-reviews?rows=N&seed=S (synthetic data).")]
    public string Url { get; set; } = string.Empty;

    [Option("timeout-seconds", Default = 300, HelpText = "An http(s) download fails when less than 1 KiB arrives in this many seconds (a stalled or dripping server).")]
    public int TimeoutSeconds { get; set; } = 300;

    [Option("max-seconds", Default = 3600, HelpText = "An http(s) download fails when it has not finished after this many seconds.")]
    public int MaxSeconds { get; set; } = 3600;

    // The full public set is about 50 MiB; 20 times that still fits any disk this runs on.
    [Option("max-size-mb", Default = 1024, HelpText = "The download fails once the data passes this many MiB (1 MiB = 1,048,576 bytes).")]
    public int MaxSizeMb { get; set; } = 1024;

    /// <summary>The output file name: the name must be a bare file name without .csv, which the step adds.</summary>
    public string FileName => $"{Name}.csv";

    public DownloadLimits Limits =>
        new(TimeSpan.FromSeconds(TimeoutSeconds), TimeSpan.FromSeconds(MaxSeconds), MaxSizeMb);

    public override void Validate()
    {
        base.Validate();
        if (Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"--name '{Name}' must not end in .csv: the step adds it (use --name {Name[..^4]})");
        }

        OptionChecks.PlainFileName("--name", Name);
        OptionChecks.AtLeast("--timeout-seconds", TimeoutSeconds, 1);
        OptionChecks.AtLeast("--max-seconds", MaxSeconds, 1);
        OptionChecks.AtLeast("--max-size-mb", MaxSizeMb, 1);
    }
}
