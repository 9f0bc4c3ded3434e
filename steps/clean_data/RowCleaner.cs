using WinePipeline.StepKit;
using WinePipeline.StepKit.Csv;

namespace WinePipeline.Steps.CleanData;

/// <summary>Drops the unused columns, then rows that repeat an earlier row, then rows without points.</summary>
public sealed class RowCleaner : IRowMapper
{
    public static readonly IReadOnlyList<string> DroppedColumns =
        [WineColumns.Designation, WineColumns.Winery, WineColumns.Region2, WineColumns.TasterTwitterHandle];

    public static readonly IReadOnlyList<string> RequiredColumns = [.. DroppedColumns, WineColumns.Points];

    private readonly CsvTableReader _reader;
    private readonly int[] _kept;
    private readonly int _points;
    private readonly RowFingerprint _fingerprint = new();
    private readonly HashSet<UInt128> _seen = [];

    public RowCleaner(CsvTableReader reader)
    {
        if (reader.Header.Any(WineColumns.IsIndexColumn))
        {
            throw InvalidInputException.Invalid(reader.Path,
                "has an index column ('' or 'Unnamed: 0'), which makes every row unique so that no duplicate would be dropped; make_dataset removes it");
        }

        _reader = reader;
        var dropped = DroppedColumns.Select(reader.ColumnIndex).ToHashSet();
        _kept = Enumerable.Range(0, reader.Header.Count).Where(i => !dropped.Contains(i)).ToArray();
        _points = reader.ColumnIndex(WineColumns.Points);
        OutputHeader = _kept.Select(i => reader.Header[i]).ToArray();
    }

    public IReadOnlyList<string> OutputHeader { get; }

    public string?[]? Map(CsvRecord record)
    {
        var points = _reader.ParseNumber(record, _points);
        var row = new string?[_kept.Length];
        for (var i = 0; i < _kept.Length; i++)
        {
            row[i] = record[_kept[i]];
        }

        var isFirstOccurrence = _seen.Add(_fingerprint.Of(row));
        return isFirstOccurrence && points is not null ? row : null;
    }
}
