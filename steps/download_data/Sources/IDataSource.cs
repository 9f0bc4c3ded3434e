using WinePipeline.StepKit.Hosting;

namespace WinePipeline.Steps.DownloadData.Sources;

/// <summary>Where the raw data comes from; writes the whole data set to a stream (a staged file behind a size cap).</summary>
public interface IDataSource
{
    /// <summary>Writes the data to <paramref name="target"/>; failures are one-line input errors naming the source.</summary>
    void FetchTo(Stream target, StepContext context);
}
