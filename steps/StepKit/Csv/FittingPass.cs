using WinePipeline.StepKit.Hosting;

namespace WinePipeline.StepKit.Csv;

/// <summary>
/// The first of a fitting step's two passes over the training file: every record is shown to the
/// step so it can fit its statistics, before a second pass writes train and test with them. Two
/// passes rather than holding the file keep memory flat on large inputs.
/// </summary>
public static class FittingPass
{
    /// <summary>Calls <paramref name="observe"/> with each record and the positions of
    /// <paramref name="columns"/> in it, then logs what was fitted on how many rows.</summary>
    public static void Run(string trainPath, IReadOnlyList<string> columns, string fitted, StepContext context,
        Action<CsvTableReader, CsvRecord, int[]> observe)
    {
        using var reader = CsvTableReader.Open(trainPath, columns);
        var positions = columns.Select(reader.ColumnIndex).ToArray();
        long rows = 0;
        foreach (var record in reader.ReadRecords())
        {
            context.Cancellation.ThrowIfCancellationRequested();
            observe(reader, record, positions);
            rows++;
        }

        context.Log($"{trainPath}: fitted {fitted} on {rows} rows");
    }
}
