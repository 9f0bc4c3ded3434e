namespace WinePipeline.Steps.DownloadData.Sample;

/// <summary>
/// Adds the long tails to the hand-written catalogue: each big country's rare provinces
/// (<see cref="RareProvinceCatalog"/>), and in the countries with region_1 values, rare regions
/// for every province (<see cref="RegionNames"/>), the more for the provinces with more rows.
/// </summary>
public static class CatalogTails
{
    /// <summary>Rare region names over all provinces, shared out by each province's share of the rows.</summary>
    private const double RareRegionNames = 1250;

    /// <summary>The share of a province's rows whose region_1 is one of its rare ones.</summary>
    private const double RareRegionShare = 0.2;

    private const double ZipfExponent = 1.0;

    public static Weighted<Country> Attach(IReadOnlyList<(Country Country, double Weight)> countries)
    {
        var total = countries.Sum(c => c.Weight);
        return new Weighted<Country>(countries.Select(c => (WithTails(c.Country, c.Weight / total), c.Weight)));
    }

    private static Country WithTails(Country country, double countryShare)
    {
        var (rareNames, rareShare) = RareProvinceCatalog.For(country.Name);
        var pooledVarieties = new Weighted<Variety>(country.Provinces.Entries
            .SelectMany(p => p.Item.Varieties.Entries)
            .GroupBy(v => v.Item)
            .Select(g => (g.Key, g.Sum(v => v.Weight))));
        var rareProvinces = rareNames.Select(name => new Province(name, null, null, pooledVarieties)).ToList();
        var provinces = LongTail.HeadAndTail(country.Provinces.Entries, rareProvinces, rareShare, ZipfExponent);
        if (!RegionNames.HasRegions(country.Name))
        {
            return country with { Provinces = provinces };
        }

        var taken = country.Provinces.Items.SelectMany(p => p.Regions?.Items ?? []).ToHashSet(StringComparer.Ordinal);
        var provinceTotal = provinces.Entries.Sum(p => p.Weight);
        return country with
        {
            Provinces = new Weighted<Province>(provinces.Entries.Select(p =>
            {
                var count = (int)Math.Ceiling(RareRegionNames * countryShare * p.Weight / provinceTotal);
                var rare = RegionNames.Rare(country.Name, p.Item.Name, count, taken);
                var regions = LongTail.HeadAndTail(p.Item.Regions?.Entries ?? [], rare, RareRegionShare, ZipfExponent);
                return (p.Item with { Regions = regions }, p.Weight);
            })),
        };
    }
}
