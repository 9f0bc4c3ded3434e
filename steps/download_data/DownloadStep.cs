using WinePipeline.StepKit;
using WinePipeline.StepKit.Hosting;
using WinePipeline.StepKit.Output;
using WinePipeline.Steps.DownloadData.Sources;

namespace WinePipeline.Steps.DownloadData;

/// <summary>Fetches the raw data set into a staged file, checks it is the wine-reviews CSV, then
/// renames it into place as &lt;out-dir&gt;/&lt;name&gt;.csv.</summary>
public static class DownloadStep
{
    public static int Main(string[] args) => StepHost.RunConsole<DownloadOptions>("download_data", args, Run);

    public static void Run(DownloadOptions options, StepContext context)
    {
        var fileName = OutputFileName(options.Name);
        if (options.TimeoutSeconds <= 0)
        {
            throw new InvalidInputException($"--timeout-seconds must be positive, got {options.TimeoutSeconds}");
        }

        var source = DataSources.Resolve(options.Url, TimeSpan.FromSeconds(options.TimeoutSeconds));
        using var outputs = new StagedOutputs(options.OutDir);
        var staged = outputs.Stage(fileName);
        source.FetchTo(staged, context);
        RawDataCheck.Verify(staged, options.Url);
        var size = new FileInfo(staged).Length;
        outputs.Commit(flag: null);
        context.Log($"wrote {Path.Combine(options.OutDir, fileName)} ({size:N0} bytes)");
    }

    /// <summary>The output file name for a data set name; the name must be a bare file name
    /// without the .csv extension, which the step adds.</summary>
    public static string OutputFileName(string name)
    {
        if (name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidInputException($"--name '{name}' must not end in .csv: the step adds it (use --name {name[..^4]})");
        }

        if (name.Length == 0 || name.IndexOfAny(['/', '\\']) >= 0 || name is "." or "..")
        {
            throw new InvalidInputException($"--name '{name}' must be a plain file name without folders");
        }

        return $"{name}.csv";
    }
}
