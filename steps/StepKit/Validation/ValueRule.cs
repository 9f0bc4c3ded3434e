using System.Globalization;

namespace WinePipeline.StepKit.Validation;

/// <summary>The numbers a column may hold: a closed range, optionally open at the bottom, and
/// optionally whole numbers only. <see cref="Expected"/> words it for error messages.</summary>
public sealed record ValueRule(double Minimum, double Maximum, bool WholeNumbers = false, bool AboveMinimum = false)
{
    public bool Accepts(double value) =>
        (AboveMinimum ? value > Minimum : value >= Minimum)
        && value <= Maximum
        && (!WholeNumbers || value == Math.Floor(value));

    public string Expected =>
        string.Create(CultureInfo.InvariantCulture,
            $"{(WholeNumbers ? "an integer" : "a number")} {(AboveMinimum ? "above" : "from")} {Minimum:0.###} {(AboveMinimum ? "and at most" : "to")} {Maximum:0.###}");
}
