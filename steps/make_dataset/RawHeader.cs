using WinePipeline.StepKit;
using WinePipeline.StepKit.Csv;

namespace WinePipeline.Steps.MakeDataset;

/// <summary>
/// The raw file's columns, found by name wherever they stand: the 13 named columns, and at most one
/// index column, which is dropped. Any other column is refused, because a column that differs from
/// row to row (an index under another name, an id) would stop clean_data finding duplicates.
/// </summary>
public sealed class RawHeader
{
    private RawHeader(int[] positions) => Positions = positions;

    /// <summary>Where each of <see cref="WineColumns.Raw"/> is in the file, in the spec's order.</summary>
    public IReadOnlyList<int> Positions { get; }

    public static RawHeader Of(CsvTableReader reader)
    {
        var index = -1;
        for (var i = 0; i < reader.Header.Count; i++)
        {
            var name = reader.Header[i];
            if (WineColumns.IsIndexColumn(name) && index < 0)
            {
                index = i;
            }
            else if (!WineColumns.Raw.Contains(name))
            {
                throw InvalidInputException.Invalid(reader.Path,
                    $"unexpected column '{name}' (column {i + 1}); the raw file holds an index column named '' or 'Unnamed: 0' and {string.Join(", ", WineColumns.Raw)}");
            }
        }

        return new RawHeader([.. WineColumns.Raw.Select(reader.ColumnIndex)]);
    }
}
