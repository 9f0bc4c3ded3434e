using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using WinePipeline.StepKit;
using WinePipeline.Steps.Tests.DataSteps;

namespace WinePipeline.Steps.Tests.DownloadData;

public sealed class SampleDataTests : IDisposable
{
    private const string RealHeader =
        ",country,description,designation,points,price,province,region_1,region_2,taster_name,taster_twitter_handle,title,variety,winery";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Same_seed_gives_identical_bytes_and_another_seed_different_ones()
    {
        var first = Generate(500, seed: 42);
        var again = Generate(500, seed: 42);
        var other = Generate(500, seed: 43);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    /// <summary>Pins the generator's output: it must not drift between .NET versions or machines.
    /// A deliberate change to the generator updates this hash (and re-checks the R² calibration).</summary>
    [Fact]
    public void Seed_42_gives_the_pinned_bytes()
    {
        var bytes = Generate(200, seed: 42);

        Assert.Equal("c48aa17c3c74defa495b278163723a8a89dadc129258790ccf8685f385ab8253", Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    [Fact]
    public void Header_is_exactly_the_real_one_and_the_index_counts_rows_from_zero()
    {
        Download.Run(_folder, Download.SampleUrl(250, seed: 1)).Succeeded();

        var lines = File.ReadAllLines(_folder.Output(Download.OutputName));
        Assert.Equal(RealHeader, lines[0]);
        var (_, rows) = _folder.ReadOutput(Download.OutputName);
        Assert.Equal(250, rows.Count);
        Assert.Equal(Enumerable.Range(0, 250).Select(i => i.ToString(CultureInfo.InvariantCulture)), rows.Select(r => r[0]));
    }

    [Fact]
    public void Points_are_integers_from_80_to_100_and_prices_whole_dollars_from_4_to_3300()
    {
        var data = SampleStatistics.Shared;

        Assert.All(data.Column(WineColumns.Points), p => Assert.InRange(int.Parse(p!, CultureInfo.InvariantCulture), 80, 100));
        var prices = data.Column(WineColumns.Price).OfType<string>().Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToList();
        Assert.All(prices, p => Assert.InRange(p, 4, 3300));
        Assert.InRange(prices.Order().ElementAt(prices.Count / 2), 15, 40);
    }

    [Fact]
    public void Free_text_is_quoted_with_commas_quotes_and_non_ascii_but_no_line_breaks()
    {
        var text = File.ReadAllText(SampleStatistics.Shared.Path);
        var descriptions = SampleStatistics.Shared.Column(WineColumns.Description).OfType<string>().ToList();

        Assert.Contains(descriptions, d => d.Contains(','));
        Assert.Contains(descriptions, d => d.Contains('"'));
        Assert.Contains("\"\"", text);
        foreach (var word in new[] { "Rosé", "O’Keefe", "Grüner Veltliner", "Château" })
        {
            Assert.Contains(word, text);
        }

        Assert.Equal(SampleStatistics.RowCount + 1, text.Count(c => c == '\n'));
    }

    [Fact]
    public void About_one_percent_of_rows_repeat_an_earlier_row_under_a_new_index()
    {
        var rows = SampleStatistics.Shared.Records;
        var distinct = rows.Select(r => string.Join('\u0001', r.Skip(1).Select(v => v ?? "\u0002"))).Distinct().Count();

        Assert.InRange(rows.Count - distinct, SampleStatistics.RowCount * 0.005, SampleStatistics.RowCount * 0.02);
    }

    [Theory]
    [InlineData(WineColumns.Price, 0.07, 0.015)]
    [InlineData(WineColumns.Designation, 0.29, 0.02)]
    [InlineData(WineColumns.Region1, 0.16, 0.02)]
    [InlineData(WineColumns.Region2, 0.61, 0.025)]
    [InlineData(WineColumns.TasterName, 0.20, 0.015)]
    [InlineData(WineColumns.TasterTwitterHandle, 0.24, 0.02)]
    public void Missing_values_are_about_as_frequent_as_in_the_real_data(string column, double rate, double tolerance)
    {
        var values = SampleStatistics.Shared.Column(column);

        Assert.InRange(values.Count(v => v is null) / (double)values.Count, rate - tolerance, rate + tolerance);
    }

    [Fact]
    public void A_missing_taster_never_has_a_twitter_handle_and_a_few_rows_lack_country_and_province()
    {
        var data = SampleStatistics.Shared;
        var tasters = data.Column(WineColumns.TasterName);
        var handles = data.Column(WineColumns.TasterTwitterHandle);
        var countries = data.Column(WineColumns.Country);
        var provinces = data.Column(WineColumns.Province);

        Assert.All(Enumerable.Range(0, tasters.Count).Where(i => tasters[i] is null), i => Assert.Null(handles[i]));
        var noCountry = Enumerable.Range(0, countries.Count).Where(i => countries[i] is null).ToList();
        Assert.InRange(noCountry.Count, 1, SampleStatistics.RowCount / 500);
        Assert.All(noCountry, i => Assert.Null(provinces[i]));
    }

    [Fact]
    public void Varieties_include_blends_and_Xarel_lo()
    {
        var varieties = SampleStatistics.Shared.Column(WineColumns.Variety).ToHashSet();

        foreach (var variety in new[] { "Red Blend", "Bordeaux-style Red Blend", "Cabernet Sauvignon-Merlot", "Rhône-style White Blend", "Xarel-lo" })
        {
            Assert.Contains(variety, varieties);
        }
    }

    [Fact]
    public void Titles_mostly_carry_a_vintage_some_none_and_a_few_a_number_before_it()
    {
        var firstNumbers = SampleStatistics.Shared.Column(WineColumns.Title)
            .Select(t => Regex.Match(t!, @"\b\d+\b"))
            .Select(m => m.Success ? int.Parse(m.Value, CultureInfo.InvariantCulture) : (int?)null)
            .ToList();
        double Share(Func<int?, bool> predicate) => firstNumbers.Count(predicate) / (double)firstNumbers.Count;

        Assert.InRange(Share(n => n is >= 1980 and <= 2016), 0.93, 0.98);
        Assert.InRange(Share(n => n is null), 0.02, 0.05);
        Assert.InRange(Share(n => n is < 1980 or > 2016), 0.002, 0.02);
    }

    [Fact]
    public void Descriptions_use_the_keywords_in_lower_Capitalised_and_UPPER_case_and_look_alikes()
    {
        var words = SampleStatistics.Shared.Column(WineColumns.Description)
            .SelectMany(d => d!.Split([' ', ',', '.', '"', ';'], StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);

        foreach (var word in new[] { "red", "Red", "black", "Black", "noir", "white", "White", "blanc", "bianco", "blanco", "blanca", "rosé", "Rosé", "rose", "sparkling", "Sparkling", "dry", "dried", "sweet", "Sweet", "reddish", "blackberry" })
        {
            Assert.Contains(word, words);
        }

        Assert.Contains(words, w => w is "RED" or "BLACK" or "WHITE" or "DRY" or "SWEET" or "SPARKLING" or "ROSÉ");
    }

    private byte[] Generate(int rows, ulong seed)
    {
        using var folder = new TempFolder();
        Download.Run(folder, Download.SampleUrl(rows, seed)).Succeeded();
        return File.ReadAllBytes(folder.Output(Download.OutputName));
    }
}
