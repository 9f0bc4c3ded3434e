using WinePipeline.StepKit.Hosting;

namespace WinePipeline.StepKit.Csv;

/// <summary>Streams a CSV file record by record through an <see cref="IRowMapper"/> into a new CSV file.</summary>
public static class CsvRowPipeline
{
    /// <summary>Maps every record of <paramref name="reader"/> to <paramref name="outputPath"/> and logs
    /// how many rows were read and written.</summary>
    public static void Run(CsvTableReader reader, IRowMapper mapper, string outputPath, StepContext context)
    {
        long read = 0;
        long written = 0;
        using (var writer = new CsvTableWriter(outputPath, mapper.OutputHeader))
        {
            foreach (var record in reader.ReadRecords())
            {
                context.Cancellation.ThrowIfCancellationRequested();
                read++;
                if (mapper.Map(record) is { } row)
                {
                    writer.WriteRow(row);
                    written++;
                }
            }
        }

        context.Log($"{reader.Path}: read {read} rows, wrote {written}");
    }
}
