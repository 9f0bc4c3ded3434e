namespace WinePipeline.StepKit.Csv;

/// <summary>Turns each input record into an output row, for <see cref="CsvRowPipeline"/>.</summary>
public interface IRowMapper
{
    IReadOnlyList<string> OutputHeader { get; }

    /// <summary>The output row for <paramref name="record"/>, or null to drop the record.</summary>
    string?[]? Map(CsvRecord record);
}
