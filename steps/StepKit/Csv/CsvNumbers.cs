using System.Globalization;

namespace WinePipeline.StepKit.Csv;

/// <summary>The single place numbers are parsed from and written to CSV: invariant culture, round-trip.</summary>
public static class CsvNumbers
{
    public static bool TryParse(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    public static string Format(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e15
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);

    public static string? Format(double? value) => value is { } v ? Format(v) : null;
}
