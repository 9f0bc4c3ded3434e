namespace WinePipeline.Steps.DownloadData.Sample;

/// <summary>What kind of wine a variety makes; it steers which colour words a review uses.</summary>
public enum WineStyle
{
    Red,
    White,
    Rose,
    Sparkling,
    Fortified,
}

/// <summary>A grape variety or blend, with how it shifts points and (log) price.</summary>
public sealed record Variety(string Name, WineStyle Style, double PointsBias, double PriceBias);

/// <summary>A reviewer; some have no Twitter handle. Bias: how generous they score.</summary>
public sealed record Taster(string Name, string? TwitterHandle, double PointsBias);

/// <summary>A province with its region_1 and region_2 names (empty where the real data has none)
/// and the varieties grown there.</summary>
public sealed record Province(string Name, Weighted<string>? Regions, Weighted<string>? Regions2, Weighted<Variety> Varieties)
{
    public double PointsBias { get; } = ExactMath.NameOffset(Name, 0.8);
}

/// <summary>A country: its biases, reviewers, provinces and how its wineries are named ("Château {0}").</summary>
public sealed record Country(
    string Name,
    double PointsBias,
    double PriceBias,
    Weighted<Taster> Tasters,
    Weighted<Province> Provinces,
    IReadOnlyList<string> WineryPatterns);
