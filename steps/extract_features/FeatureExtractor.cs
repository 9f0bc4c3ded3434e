using WinePipeline.StepKit;
using WinePipeline.StepKit.Csv;
using WinePipeline.StepKit.Text;

namespace WinePipeline.Steps.ExtractFeatures;

/// <summary>Replaces description and title by the keyword flags, year and is_blend, appended in that order.</summary>
public sealed class FeatureExtractor : IRowMapper
{
    public static readonly IReadOnlyList<string> RequiredColumns =
        [WineColumns.Description, WineColumns.Title, WineColumns.Variety];

    private static readonly DescriptionKeywords Keywords = new();
    private readonly int _currentYear;
    private readonly int[] _kept;
    private readonly int _description;
    private readonly int _title;
    private readonly int _variety;

    public FeatureExtractor(CsvTableReader reader, int currentYear)
    {
        _currentYear = currentYear;
        _description = reader.ColumnIndex(WineColumns.Description);
        _title = reader.ColumnIndex(WineColumns.Title);
        _variety = reader.ColumnIndex(WineColumns.Variety);
        _kept = Enumerable.Range(0, reader.Header.Count).Where(i => i != _description && i != _title).ToArray();
        OutputHeader =
        [
            .. _kept.Select(i => reader.Header[i]),
            .. DescriptionKeywords.Flags.Select(f => f.Column),
            WineColumns.Year,
            WineColumns.IsBlend,
        ];
    }

    public IReadOnlyList<string> OutputHeader { get; }

    public string?[]? Map(CsvRecord record)
    {
        var row = new string?[OutputHeader.Count];
        var next = 0;
        foreach (var column in _kept)
        {
            row[next++] = record[column];
        }

        foreach (var found in Keywords.Match(record[_description]))
        {
            row[next++] = Flag(found);
        }

        row[next++] = CsvNumbers.Format(TitleYear.Extract(record[_title], _currentYear));
        row[next] = Flag(BlendVariety.IsBlend(record[_variety]));
        return row;
    }

    private static string Flag(bool value) => value ? "1" : "0";
}
