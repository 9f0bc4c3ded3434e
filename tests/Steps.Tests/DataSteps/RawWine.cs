using WinePipeline.StepKit;

namespace WinePipeline.Steps.Tests.DataSteps;

/// <summary>Builds raw wine-review CSV lines like the downloaded file: an index column with an
/// empty name, then the 13 named columns.</summary>
public static class RawWine
{
    public static string Header(string indexName = "") => Csv.Line([indexName, .. WineColumns.Raw]);

    /// <summary>A plausible raw row; <paramref name="set"/> overrides fields by column name.</summary>
    public static string Row(int index, params (string Column, string? Value)[] set) => Csv.Line(Fields(index, set));

    /// <summary>The fields of <see cref="Row"/>: the index, then <see cref="WineColumns.Raw"/> in order.</summary>
    public static string?[] Fields(int index, params (string Column, string? Value)[] set)
    {
        var fields = new Dictionary<string, string?>
        {
            [WineColumns.Country] = "Italy",
            [WineColumns.Description] = $"Aromas include tropical fruit, broom and \"dried\" herb #{index}.",
            [WineColumns.Designation] = "Vulkà Bianco",
            [WineColumns.Points] = "87",
            [WineColumns.Price] = "15.0",
            [WineColumns.Province] = "Sicily & Sardinia",
            [WineColumns.Region1] = "Etna",
            [WineColumns.Region2] = null,
            [WineColumns.TasterName] = "Kerin O’Keefe",
            [WineColumns.TasterTwitterHandle] = "@kerinokeefe",
            [WineColumns.Title] = $"Nicosia 2013 Vulkà Bianco #{index} (Etna)",
            [WineColumns.Variety] = "White Blend",
            [WineColumns.Winery] = "Nicosia",
        };
        foreach (var (column, value) in set)
        {
            fields[column] = value;
        }

        return [index.ToString(System.Globalization.CultureInfo.InvariantCulture), .. WineColumns.Raw.Select(c => fields[c])];
    }

    /// <summary>A header and <paramref name="count"/> rows indexed 0, 1, ...</summary>
    public static string[] File(int count) => [Header(), .. Enumerable.Range(0, count).Select(i => Row(i))];
}

/// <summary>Formats one CSV line, quoting fields that need it.</summary>
public static class Csv
{
    public static string Line(IEnumerable<string?> fields) => string.Join(',', fields.Select(Quote));

    private static string Quote(string? field) =>
        field is null ? string.Empty
        : field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
        : field;
}
