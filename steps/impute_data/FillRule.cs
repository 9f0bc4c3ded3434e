using WinePipeline.StepKit;

namespace WinePipeline.Steps.ImputeData;

/// <summary>How the missing values of one feature column are filled: observes the column's training
/// values, then gives the fill value.</summary>
public abstract class FillRule
{
    public virtual void Observe(double value)
    {
    }

    /// <summary>The value that replaces a missing one, or null to leave it missing.</summary>
    public abstract double? FillValue(string trainPath, string column);

    protected static InvalidInputException EntirelyMissing(string trainPath, string column) =>
        InvalidInputException.Invalid(trainPath, $"column '{column}' is missing in every row, so no value can be fitted to fill it");
}

/// <summary>Leaves missing values missing.</summary>
public sealed class NoFill : FillRule
{
    public override double? FillValue(string trainPath, string column) => null;
}

/// <summary>Fills with a fixed value.</summary>
public sealed class ConstantFill(double value) : FillRule
{
    public override double? FillValue(string trainPath, string column) => value;
}

/// <summary>Fills with the median of the training values; an even count takes the mean of the two middle values, as pandas does.</summary>
public sealed class MedianFill : FillRule
{
    private readonly List<double> _values = [];

    public override void Observe(double value) => _values.Add(value);

    public override double? FillValue(string trainPath, string column)
    {
        if (_values.Count == 0)
        {
            throw EntirelyMissing(trainPath, column);
        }

        _values.Sort();
        var middle = _values.Count / 2;
        return _values.Count % 2 == 1 ? _values[middle] : (_values[middle - 1] + _values[middle]) / 2;
    }
}

/// <summary>Fills with the most frequent training value; among equally frequent values, the smallest.</summary>
public sealed class MostFrequentFill : FillRule
{
    private readonly Dictionary<double, long> _counts = [];

    public override void Observe(double value) => _counts[value] = _counts.GetValueOrDefault(value) + 1;

    public override double? FillValue(string trainPath, string column) =>
        _counts.Count == 0
            ? throw EntirelyMissing(trainPath, column)
            : _counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key).First().Key;
}
