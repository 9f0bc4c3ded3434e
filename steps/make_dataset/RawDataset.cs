using WinePipeline.StepKit;
using WinePipeline.StepKit.Csv;
using WinePipeline.StepKit.Hosting;

namespace WinePipeline.Steps.MakeDataset;

/// <summary>Reads the raw file: checks its columns and numbers, and writes it out without its index column.</summary>
public static class RawDataset
{
    /// <summary>Counts the data rows, checking that points and price are numbers where present.</summary>
    public static long CountValidRows(string path, StepContext context)
    {
        using var reader = CsvTableReader.Open(path, WineColumns.Raw);
        var numeric = NumericColumns(reader);
        long rows = 0;
        foreach (var record in reader.ReadRecords())
        {
            context.Cancellation.ThrowIfCancellationRequested();
            foreach (var column in numeric)
            {
                reader.ParseNumber(record, column);
            }

            rows++;
        }

        context.Log($"{path}: {rows} rows");
        return rows;
    }

    /// <summary>Writes the first <paramref name="testRows"/> rows to <paramref name="testPath"/> and the rest to <paramref name="trainPath"/>.</summary>
    public static void Split(string path, long testRows, string testPath, string trainPath, StepContext context)
    {
        using var reader = CsvTableReader.Open(path, WineColumns.Raw);
        var numeric = NumericColumns(reader);
        var firstKept = IsIndexColumn(reader.Header[0]) ? 1 : 0;
        var header = reader.Header.Skip(firstKept).ToArray();
        long rows = 0;
        using (var test = new CsvTableWriter(testPath, header))
        using (var train = new CsvTableWriter(trainPath, header))
        {
            foreach (var record in reader.ReadRecords())
            {
                context.Cancellation.ThrowIfCancellationRequested();
                // Numbers are rewritten in one canonical form, as pandas would, so that "20" and "20.0"
                // are the same price when clean_data looks for duplicate rows.
                foreach (var column in numeric)
                {
                    record.Values[column] = CsvNumbers.Format(reader.ParseNumber(record, column));
                }

                var target = record.Row <= testRows ? test : train;
                target.WriteRow(record.Values.AsSpan(firstKept));
                rows++;
            }
        }

        context.Log($"{path}: wrote {testRows} test rows, {rows - testRows} train rows");
    }

    /// <summary>pandas writes its row index as a first column with an empty name, read back as "Unnamed: 0".</summary>
    public static bool IsIndexColumn(string name) => name is "" or "Unnamed: 0";

    private static int[] NumericColumns(CsvTableReader reader) =>
        [reader.ColumnIndex(WineColumns.Points), reader.ColumnIndex(WineColumns.Price)];
}
