namespace WinePipeline.StepKit.Csv;

/// <summary>The model's input: one row of the 14 feature values per wine and its points, row-aligned.</summary>
public sealed record FeatureTable(IReadOnlyList<string> FeatureNames, float[][] Features, float[] Target)
{
    public int Rows => Target.Length;

    /// <summary>Reads a features CSV (exactly <see cref="WineColumns.Features"/>, in order) and a
    /// target CSV (<see cref="WineColumns.Target"/>); every value must be present and numeric, and
    /// both files must have the same number of rows.</summary>
    public static FeatureTable Read(string featuresPath, string targetPath, CancellationToken cancellation)
    {
        var features = ReadFeatures(featuresPath, cancellation);
        var target = ReadTarget(targetPath, cancellation);
        if (features.Count != target.Count)
        {
            throw InvalidInputException.Invalid(featuresPath,
                $"has {features.Count} rows but {targetPath} has {target.Count}; features and target must be row-aligned");
        }

        return new FeatureTable(WineColumns.Features, [.. features], [.. target]);
    }

    private static List<float[]> ReadFeatures(string path, CancellationToken cancellation)
    {
        using var reader = CsvTableReader.Open(path, WineColumns.Features);
        if (!reader.Header.SequenceEqual(WineColumns.Features))
        {
            throw InvalidInputException.Invalid(path,
                $"expected exactly the columns {string.Join(", ", WineColumns.Features)} in this order, found {string.Join(", ", reader.Header)}");
        }

        var rows = new List<float[]>();
        foreach (var record in reader.ReadRecords())
        {
            cancellation.ThrowIfCancellationRequested();
            var row = new float[WineColumns.Features.Count];
            for (var column = 0; column < row.Length; column++)
            {
                row[column] = RequireNumber(reader, record, column);
            }

            rows.Add(row);
        }

        return rows;
    }

    private static List<float> ReadTarget(string path, CancellationToken cancellation)
    {
        using var reader = CsvTableReader.Open(path, WineColumns.Target);
        var column = reader.ColumnIndex(WineColumns.Target);
        var target = new List<float>();
        foreach (var record in reader.ReadRecords())
        {
            cancellation.ThrowIfCancellationRequested();
            target.Add(RequireNumber(reader, record, column));
        }

        return target;
    }

    private static float RequireNumber(CsvTableReader reader, CsvRecord record, int column) =>
        (float?)reader.ParseNumber(record, column)
        ?? throw InvalidInputException.Invalid(reader.Path,
            $"row {record.Row} (line {record.Line}), column '{reader.Header[column]}': the value is missing; impute_data fills every value");
}
