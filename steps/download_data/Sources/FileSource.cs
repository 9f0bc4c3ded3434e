using WinePipeline.StepKit;
using WinePipeline.StepKit.Hosting;

namespace WinePipeline.Steps.DownloadData.Sources;

/// <summary>A local file (a plain path or a file:// URL), copied as is.</summary>
public sealed class FileSource(string sourcePath, string url) : IDataSource
{
    public void FetchTo(string path, StepContext context)
    {
        if (!File.Exists(sourcePath))
        {
            throw url == sourcePath
                ? InvalidInputException.FileNotFound(sourcePath)
                : new InvalidInputException($"{url}: file not found ({sourcePath})");
        }

        context.Cancellation.ThrowIfCancellationRequested();
        File.Copy(sourcePath, path, overwrite: true);
    }
}
