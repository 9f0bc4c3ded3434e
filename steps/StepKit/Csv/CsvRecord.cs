namespace WinePipeline.StepKit.Csv;

/// <summary>One data row: its 1-based number (header not counted), the file line it starts on,
/// and its fields, with empty fields as null (missing).</summary>
public readonly record struct CsvRecord(long Row, long Line, string?[] Values)
{
    public string? this[int column] => Values[column];
}
