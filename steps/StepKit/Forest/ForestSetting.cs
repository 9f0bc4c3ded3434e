using System.Globalization;

namespace WinePipeline.StepKit.Forest;

/// <summary>One setting of <see cref="ForestSettings"/>: its option name (without "--"), its JSON
/// field name, its range, and how to read it from and set it in the settings.</summary>
public sealed class ForestSetting
{
    private readonly Func<ForestSettings, double> _get;
    private readonly Func<ForestSettings, double, ForestSettings> _with;

    private ForestSetting(string name, bool isInteger, double min, double max, Func<ForestSettings, double> get, Func<ForestSettings, double, ForestSettings> with)
    {
        Name = name;
        JsonName = string.Concat(name.Split('-').Select((word, i) => i == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..]));
        IsInteger = isInteger;
        Min = min;
        Max = max;
        _get = get;
        _with = with;
    }

    /// <summary>The option name without "--", e.g. "min-per-leaf".</summary>
    public string Name { get; }

    /// <summary>The field name in the JSON files, e.g. "minPerLeaf".</summary>
    public string JsonName { get; }

    public bool IsInteger { get; }

    public double Min { get; }

    public double Max { get; }

    /// <summary>What a valid value looks like, for error messages and --help.</summary>
    public string Range => IsInteger
        ? string.Create(CultureInfo.InvariantCulture, $"a whole number from {Min} to {Max}")
        : string.Create(CultureInfo.InvariantCulture, $"a number above {Min} and at most {Max}");

    public static ForestSetting Integer(string name, int min, int max, Func<ForestSettings, int> get, Func<ForestSettings, int, ForestSettings> with) =>
        new(name, isInteger: true, min, max, s => get(s), (s, v) => with(s, (int)v));

    /// <summary>A share of the rows or features: above 0, at most 1.</summary>
    public static ForestSetting Fraction(string name, Func<ForestSettings, double> get, Func<ForestSettings, double, ForestSettings> with) =>
        new(name, isInteger: false, 0, 1, get, with);

    public double ValueIn(ForestSettings settings) => _get(settings);

    public string Format(ForestSettings settings) => ValueIn(settings).ToString(CultureInfo.InvariantCulture);

    /// <summary>The settings with this one set to <paramref name="value"/>; a value out of range is
    /// an input error that starts with <paramref name="source"/> (the option or the file).</summary>
    public ForestSettings With(ForestSettings settings, double value, string source)
    {
        var inRange = double.IsFinite(value)
            && (IsInteger ? value >= Min && value == Math.Floor(value) : value > Min)
            && value <= Max;
        return inRange
            ? _with(settings, value)
            : throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture, $"{source} must be {Range}, got {value}"));
    }

    /// <summary>The settings with this one parsed from an option's text, e.g. --trees 300.</summary>
    public ForestSettings WithOption(ForestSettings settings, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? With(settings, value, $"--{Name}")
            : throw new InvalidInputException($"--{Name} must be {Range}, got '{text}'");
}
