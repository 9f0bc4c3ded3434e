using System.Globalization;

namespace WinePipeline.Steps.DownloadData.Sample;

/// <summary>A list of items drawn with given relative weights.</summary>
public sealed class Weighted<T>
{
    private readonly T[] _items;
    private readonly double[] _cumulative;

    public Weighted(IEnumerable<(T Item, double Weight)> items)
    {
        var list = items.ToList();
        Entries = list;
        _items = list.Select(x => x.Item).ToArray();
        _cumulative = new double[list.Count];
        var total = 0.0;
        for (var i = 0; i < list.Count; i++)
        {
            total += list[i].Weight;
            _cumulative[i] = total;
        }

        for (var i = 0; i < _cumulative.Length; i++)
        {
            _cumulative[i] /= total;
        }
    }

    public IReadOnlyList<T> Items => _items;

    /// <summary>The items with the weights they were given.</summary>
    public IReadOnlyList<(T Item, double Weight)> Entries { get; }

    public T Pick(SampleRandom random)
    {
        var u = random.NextDouble();
        var index = Array.BinarySearch(_cumulative, u);
        index = index < 0 ? ~index : index + 1;
        return _items[Math.Min(index, _items.Length - 1)];
    }
}

/// <summary>Parses the compact catalogue notation "A:3|B|C:0.5" (weight 1 when omitted).</summary>
public static class WeightedText
{
    public static Weighted<string> Parse(string text) => new(Entries(text));

    public static IEnumerable<(string Name, double Weight)> Entries(string text) =>
        text.Split('|').Select(entry =>
        {
            var colon = entry.LastIndexOf(':');
            return colon < 0
                ? (entry, 1.0)
                : (entry[..colon], double.Parse(entry[(colon + 1)..], CultureInfo.InvariantCulture));
        });
}
