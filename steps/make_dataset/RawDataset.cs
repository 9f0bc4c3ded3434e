using WinePipeline.StepKit;
using WinePipeline.StepKit.Csv;
using WinePipeline.StepKit.Hosting;

namespace WinePipeline.Steps.MakeDataset;

/// <summary>Reads the raw file: checks its columns and values, and writes its named columns in the spec's order.</summary>
public static class RawDataset
{
    /// <summary>Counts the data rows; the reader checks every points and price value on the way.</summary>
    public static long CountValidRows(string path, StepContext context)
    {
        using var reader = CsvTableReader.Open(path, WineColumns.Raw);
        RawHeader.Of(reader);
        long rows = 0;
        foreach (var _ in reader.ReadRecords())
        {
            context.Cancellation.ThrowIfCancellationRequested();
            rows++;
        }

        context.Log($"{path}: {rows} rows");
        return rows;
    }

    /// <summary>Writes the first <paramref name="testRows"/> rows to <paramref name="testPath"/> and the rest to <paramref name="trainPath"/>.</summary>
    public static void Split(string path, long testRows, string testPath, string trainPath, StepContext context)
    {
        using var reader = CsvTableReader.Open(path, WineColumns.Raw);
        var positions = RawHeader.Of(reader).Positions;
        HashSet<int> numeric = [reader.ColumnIndex(WineColumns.Points), reader.ColumnIndex(WineColumns.Price)];
        var row = new string?[positions.Count];
        long rows = 0;
        using (var test = new CsvTableWriter(testPath, WineColumns.Raw))
        using (var train = new CsvTableWriter(trainPath, WineColumns.Raw))
        {
            foreach (var record in reader.ReadRecords())
            {
                context.Cancellation.ThrowIfCancellationRequested();
                for (var i = 0; i < positions.Count; i++)
                {
                    // Numbers are rewritten in one canonical form, as pandas would, so that "20" and "20.0"
                    // are the same price when clean_data looks for duplicate rows.
                    row[i] = numeric.Contains(positions[i]) ? CsvNumbers.Format(reader.ParseNumber(record, positions[i])) : record[positions[i]];
                }

                (record.Row <= testRows ? test : train).WriteRow(row);
                rows++;
            }
        }

        context.Log($"{path}: wrote {testRows} test rows, {rows - testRows} train rows");
    }
}
