namespace WinePipeline.Steps.TransformData;

/// <summary>Numbers the categories of one column 1, 2, 3, ... in order of first appearance.</summary>
public sealed class OrdinalEncoder
{
    public const int Unseen = -1;

    private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);

    /// <summary>Gives <paramref name="category"/> the next code unless it has one; missing values get none.</summary>
    public void Fit(string? category)
    {
        if (category is not null)
        {
            _codes.TryAdd(category, _codes.Count + 1);
        }
    }

    /// <summary>The code of <paramref name="category"/>, <see cref="Unseen"/> if it was never fitted, null if missing.</summary>
    public int? Encode(string? category) =>
        category is null ? null : _codes.GetValueOrDefault(category, Unseen);
}
