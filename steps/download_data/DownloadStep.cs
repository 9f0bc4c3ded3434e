using WinePipeline.StepKit.Hosting;
using WinePipeline.StepKit.Output;
using WinePipeline.StepKit.Text;
using WinePipeline.Steps.DownloadData.Sources;

namespace WinePipeline.Steps.DownloadData;

/// <summary>Fetches the raw data set into a staged file, checks it is the wine-reviews CSV, then
/// renames it into place as &lt;out-dir&gt;/&lt;name&gt;.csv.</summary>
public static class DownloadStep
{
    public static int Main(string[] args) => StepHost.RunConsole<DownloadOptions>("download_data", args, Run);

    public static void Run(DownloadOptions options, StepContext context)
    {
        var shown = UrlCredentials.RedactUrl(options.Url);
        var source = DataSources.Resolve(options.Url, options.Limits);
        using var outputs = new StagedOutputs(options.OutDir);
        var staged = outputs.Stage(options.FileName);
        long size;
        using (var file = new FileStream(staged, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
        using (var capped = new SizeCappedStream(file, options.Limits, shown))
        {
            source.FetchTo(capped, context);
            size = capped.Written;
        }

        RawDataCheck.Verify(staged, shown);
        outputs.Commit(flag: null);
        context.Log($"wrote {Path.Combine(options.OutDir, options.FileName)} ({size:N0} bytes)");
    }
}
