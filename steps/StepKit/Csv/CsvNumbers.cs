using System.Globalization;

namespace WinePipeline.StepKit.Csv;

/// <summary>The single place numbers are parsed from and written to CSV: invariant culture, round-trip.</summary>
public static class CsvNumbers
{
    /// <summary>Parses a number, accepting the non-finite ones ("NaN", "Infinity", 1e400) so that a
    /// caller can say which it was.</summary>
    public static bool TryParse(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>Formats a finite number; a non-finite one never reaches a file.</summary>
    public static string Format(double value) =>
        !double.IsFinite(value) ? throw new ArgumentOutOfRangeException(nameof(value), value, "only finite numbers are written")
        : value == Math.Floor(value) && Math.Abs(value) < 1e15
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);

    public static string? Format(double? value) => value is { } v ? Format(v) : null;
}
