using WinePipeline.StepKit.Hosting;

namespace WinePipeline.Steps.DownloadData.Sources;

/// <summary>Where the raw data comes from; writes the whole data set to a (staged) file.</summary>
public interface IDataSource
{
    /// <summary>Writes the data to <paramref name="path"/>; failures are one-line input errors naming the source.</summary>
    void FetchTo(string path, StepContext context);
}
