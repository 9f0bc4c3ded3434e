using System.Globalization;
using WinePipeline.StepKit.Csv;
using WinePipeline.StepKit.Hosting;
using WinePipeline.Steps.DownloadData.Sources;

namespace WinePipeline.Steps.DownloadData.Sample;

/// <summary>Writes synthetic wine reviews (see <see cref="WineReviewGenerator"/>) in place of a download.</summary>
public sealed class SampleSource(SampleRequest request) : IDataSource
{
    public void FetchTo(Stream target, StepContext context)
    {
        var throttle = new ProgressThrottle(context.Time);
        long written = 0;
        using (var writer = new CsvTableWriter(target, WineReviewGenerator.Header))
        {
            foreach (var row in new WineReviewGenerator(request.Seed).Rows(request.Rows))
            {
                writer.WriteRow(row);
                written++;
                if (throttle.IsDue())
                {
                    context.Cancellation.ThrowIfCancellationRequested();
                    context.Log(string.Create(CultureInfo.InvariantCulture, $"generated {written:N0} of {request.Rows:N0} rows"));
                }
            }
        }

        context.Log(string.Create(CultureInfo.InvariantCulture, $"generated {written:N0} synthetic rows from {request.Url}"));
    }
}
