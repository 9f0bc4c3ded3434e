namespace WinePipeline.StepKit;

/// <summary>Column names shared by the data steps, as in the raw wine-reviews file and the spec.</summary>
public static class WineColumns
{
    public const string Country = "country";
    public const string Description = "description";
    public const string Designation = "designation";
    public const string Points = "points";
    public const string Price = "price";
    public const string Province = "province";
    public const string Region1 = "region_1";
    public const string Region2 = "region_2";
    public const string TasterName = "taster_name";
    public const string TasterTwitterHandle = "taster_twitter_handle";
    public const string Title = "title";
    public const string Variety = "variety";
    public const string Winery = "winery";

    public const string IsRed = "is_red";
    public const string IsWhite = "is_white";
    public const string IsRose = "is_rose";
    public const string IsSparkling = "is_sparkling";
    public const string IsDry = "is_dry";
    public const string IsSweet = "is_sweet";
    public const string Year = "year";
    public const string IsBlend = "is_blend";

    /// <summary>The 13 named columns of the raw file, after its unnamed index column.</summary>
    public static IReadOnlyList<string> Raw { get; } =
    [
        Country, Description, Designation, Points, Price, Province, Region1, Region2,
        TasterName, TasterTwitterHandle, Title, Variety, Winery,
    ];

    /// <summary>The model's 14 feature columns, in the order of the features files.</summary>
    public static IReadOnlyList<string> Features { get; } =
    [
        Country, Province, Region1, Variety, Price, Year, TasterName,
        IsRed, IsWhite, IsRose, IsSparkling, IsDry, IsSweet, IsBlend,
    ];

    /// <summary>The text columns transform_data replaces by ordinal codes.</summary>
    public static IReadOnlyList<string> Categorical { get; } = [Country, Province, Region1, TasterName, Variety];

    /// <summary>pandas writes its row index as a first column with an empty name, read back as "Unnamed: 0".</summary>
    public static bool IsIndexColumn(string name) => name is "" or "Unnamed: 0";

    /// <summary>The target column.</summary>
    public const string Target = Points;
}
