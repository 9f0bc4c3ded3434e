using WinePipeline.Steps.DownloadData;
using WinePipeline.Steps.Tests.DataSteps;

namespace WinePipeline.Steps.Tests.DownloadData;

/// <summary>Runs download_data in-process into a folder's out-dir.</summary>
public static class Download
{
    public const string OutputName = "wine_dataset.csv";

    public static StepRun Run(TempFolder folder, string url, params string[] extraArgs) =>
        StepRun.Of<DownloadOptions>("download_data", DownloadStep.Run,
            ["--name", "wine_dataset", "--url", url, "--out-dir", folder.OutDir, .. extraArgs]);

    public static string SampleUrl(int rows, ulong seed) => $"sample://wine-reviews?rows={rows}&seed={seed}";
}
