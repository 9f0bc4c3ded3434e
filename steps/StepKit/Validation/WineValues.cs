namespace WinePipeline.StepKit.Validation;

/// <summary>
/// The range of every numeric wine column, looked up by column name wherever a file holding that
/// column is read, so that a value out of range stops the first step that sees it. The bounds are
/// wide enough for any real review and narrow enough that every value is exact as a float.
/// </summary>
public static class WineValues
{
    /// <summary>The spec: points are an integer from 80 to 100.</summary>
    public static readonly ValueRule Points = new(80, 100, WholeNumbers: true);

    /// <summary>A bottle's price in dollars: the dearest of the 130,000 public reviews is 3,300; a
    /// zero or negative price is a placeholder, not a price.</summary>
    public static readonly ValueRule Price = new(0, 100_000, AboveMinimum: true);

    /// <summary>extract_features writes 0 or a vintage from 1900 to the current year; impute_data
    /// fills missing years with the training median, which can fall between the two.</summary>
    public static readonly ValueRule Year = new(0, 2100);

    public static readonly ValueRule Flag = new(0, 1, WholeNumbers: true);

    /// <summary>transform_data's ordinal codes: -1 for a category unseen in training, 0 for an
    /// unknown taster, then 1, 2, 3, ...; above 2^24 a float no longer holds every integer.</summary>
    public static readonly ValueRule CategoryCode = new(-1, 1 << 24, WholeNumbers: true);

    /// <summary>The rule of a column that is a number in every file it appears in, else null.</summary>
    public static ValueRule? AlwaysNumeric(string column) => column switch
    {
        WineColumns.Points => Points,
        WineColumns.Price => Price,
        WineColumns.Year => Year,
        WineColumns.IsRed or WineColumns.IsWhite or WineColumns.IsRose or WineColumns.IsSparkling
            or WineColumns.IsDry or WineColumns.IsSweet or WineColumns.IsBlend => Flag,
        _ => null,
    };

    /// <summary>The rule for a column a step reads as a number: a categorical column is text until
    /// transform_data encodes it, and a code after.</summary>
    public static ValueRule? WhenNumeric(string column) =>
        AlwaysNumeric(column) ?? (WineColumns.Categorical.Contains(column) ? CategoryCode : null);
}
