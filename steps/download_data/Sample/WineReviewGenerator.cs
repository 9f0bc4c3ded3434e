using System.Globalization;
using WinePipeline.StepKit;
using WinePipeline.StepKit.Text;

namespace WinePipeline.Steps.DownloadData.Sample;

/// <summary>
/// Streams synthetic wine reviews in the raw schema, deterministically from a seed. Points follow
/// a latent quality that price partly reveals, plus variety, country, province, taster, vintage and
/// description-word effects and noise, tuned so the pipeline's forest explains about as much of
/// the variance as it does on the real data (R² ≈ 0.42 on 10,000 rows). The categorical columns
/// have the real data's long tails (<see cref="CatalogTails"/>, <see cref="RareVarietyCatalog"/>):
/// on 10,000 rows about as many distinct countries, provinces, regions and varieties.
/// </summary>
public sealed class WineReviewGenerator(ulong seed)
{
    /// <summary>The real header; the first, unnamed column is the row index.</summary>
    public static IReadOnlyList<string> Header { get; } = ["", .. WineColumns.Raw];

    private const int FirstVintage = 1980;
    private const int LastVintage = 2016;
    private const double DuplicateRate = 0.01;
    private const int RecentRows = 256;
    private const double MinPrice = 4.0;
    private const double MaxPrice = 3300.0;
    private const double RareVarietyShare = 0.08;

    private static readonly Weighted<Variety> RareVarieties = new(LongTail.Zipf(RareVarietyCatalog.Tail, 1.0, 1.0));

    private static readonly DescriptionKeywords Keywords = new();
    private static readonly int Sweet = DescriptionKeywords.IndexOf(WineColumns.IsSweet);
    private static readonly int Dry = DescriptionKeywords.IndexOf(WineColumns.IsDry);
    private static readonly int Rose = DescriptionKeywords.IndexOf(WineColumns.IsRose);
    private static readonly int Sparkling = DescriptionKeywords.IndexOf(WineColumns.IsSparkling);
    private static readonly int Red = DescriptionKeywords.IndexOf(WineColumns.IsRed);

    private readonly SampleRandom _random = new(seed);

    /// <summary>The rows in header order, index first; only a small window of recent rows (the
    /// sources of duplicates) is kept in memory.</summary>
    public IEnumerable<string?[]> Rows(long count)
    {
        var description = new DescriptionWriter(_random);
        var recent = new string?[RecentRows][];
        for (long index = 0; index < count; index++)
        {
            var fields = index > 0 && _random.Chance(DuplicateRate)
                ? recent[_random.NextInt((int)Math.Min(index, RecentRows))]!
                : NextReview(description);
            recent[index % RecentRows] = fields;

            var row = new string?[Header.Count];
            row[0] = index.ToString(CultureInfo.InvariantCulture);
            fields.CopyTo(row, 1);
            yield return row;
        }
    }

    private string?[] NextReview(DescriptionWriter descriptions)
    {
        var random = _random;
        var country = CountryCatalog.Countries.Pick(random);
        var province = country.Provinces.Pick(random);
        Variety? variety = random.Chance(RareVarietyShare) ? RareVarieties.Pick(random) : province.Varieties.Pick(random);
        var region1 = province.Regions is { } regions && !random.Chance(0.01) ? regions.Pick(random) : null;
        var region2 = province.Regions2 is { } regions2 && !random.Chance(0.03) ? regions2.Pick(random) : null;
        var taster = random.Chance(0.2) ? null : country.Tasters.Pick(random);
        var vintage = Vintage(variety.Style);
        var quality = random.NextGaussian();

        var wineBias = variety.PointsBias + country.PointsBias + province.PointsBias
            + (region1 is null ? 0.0 : ExactMath.NameOffset(region1, 0.6))
            + (vintage is { } year ? 0.06 * (LastVintage - year) : 0.0);
        var logPrice = 3.15 + country.PriceBias + variety.PriceBias + 0.35 * wineBias + 0.40 * quality + 0.28 * random.NextGaussian();
        if (random.Chance(0.002))
        {
            // Collectors' bottlings: the long right tail of real prices (up to 3300).
            logPrice += 0.8 + 1.2 * Math.Abs(random.NextGaussian());
        }

        var price = RetailPrice(Math.Clamp(Math.Round(ExactMath.Exp(logPrice)), MinPrice, MaxPrice));

        var text = descriptions.Write(variety, country.Name, vintage, quality);
        var points = 88.4 + wineBias + (taster?.PointsBias ?? 0.0) + WordEffect(Keywords.Match(text))
            + 2.1 * quality + 1.5 * random.NextGaussian();

        var winery = Winery(country);
        var designation = Designation(variety, vintage);
        var countryName = country.Name;
        var provinceName = province.Name;
        if (random.Chance(0.0005))
        {
            (countryName, provinceName, region1, region2) = (null, null, null, null);
        }

        if (random.Chance(0.0002))
        {
            variety = null;
        }

        return
        [
            countryName,
            text,
            designation,
            ((int)Math.Clamp(Math.Round(points), 80.0, 100.0)).ToString(CultureInfo.InvariantCulture),
            random.Chance(0.07) ? null : $"{price.ToString(CultureInfo.InvariantCulture)}.0",
            provinceName,
            region1,
            region2,
            taster?.Name,
            taster?.TwitterHandle,
            TitleWriter.Title(winery, vintage, designation, variety?.Name, provinceName),
            variety?.Name,
            winery,
        ];
    }

    /// <summary>Shops price in round numbers: above $30 most prices end in 0 or 5, above $100 in 0.</summary>
    private double RetailPrice(double price) => price switch
    {
        >= 100 when _random.Chance(0.6) => Math.Round(price / 10) * 10,
        >= 30 when _random.Chance(0.35) => Math.Round(price / 5) * 5,
        _ => price,
    };

    private int? Vintage(WineStyle style)
    {
        var nonVintage = style switch
        {
            WineStyle.Sparkling => 0.55,
            WineStyle.Fortified => 0.5,
            _ => 0.012,
        };
        if (_random.Chance(nonVintage))
        {
            return null;
        }

        return _random.Chance(0.01)
            ? FirstVintage + _random.NextInt(20)
            : Math.Max(FirstVintage, LastVintage - 1 - (int)Math.Floor(Math.Abs(_random.NextGaussian()) * 3.0));
    }

    private string Winery(Country country) =>
        _random.Chance(0.006)
            ? _random.Pick(NameParts.NumberedWineries)
            : string.Format(CultureInfo.InvariantCulture, _random.Pick(country.WineryPatterns), _random.Pick(NameParts.WineryStems));

    private string? Designation(Variety variety, int? vintage)
    {
        if (variety.Style == WineStyle.Fortified && vintage is null && _random.Chance(0.6))
        {
            return _random.Pick(NameParts.AgedTawnies);
        }

        return _random.Chance(0.29) ? null : NameParts.Designations.Pick(_random);
    }

    /// <summary>The description words extract_features turns into flags move the points a little.</summary>
    private static double WordEffect(bool[] found) =>
        (found[Sweet] ? -0.6 : 0.0)
        + (found[Dry] ? -0.3 : 0.0)
        + (found[Rose] ? -0.3 : 0.0)
        + (found[Sparkling] ? 0.2 : 0.0)
        + (found[Red] ? 0.2 : 0.0);
}
