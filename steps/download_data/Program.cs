using WinePipeline.StepKit.Hosting;

namespace WinePipeline.Steps.DownloadData;

public static class Program
{
    public static int Main(string[] args) => StepHost.RunConsole<DownloadOptions>("download_data", args, DownloadStep.Run);
}
