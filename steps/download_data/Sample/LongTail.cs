namespace WinePipeline.Steps.DownloadData.Sample;

/// <summary>
/// The long tails of the real data: besides a few common values, every categorical column has
/// hundreds of rare ones, many seen once or twice in 10,000 rows. A tail gives its items Zipf
/// weights (1/rank^exponent) that add up to a chosen share of the whole.
/// </summary>
public static class LongTail
{
    /// <summary><paramref name="items"/> with Zipf weights summing to <paramref name="totalWeight"/>.</summary>
    public static IEnumerable<(T Item, double Weight)> Zipf<T>(IReadOnlyList<T> items, double totalWeight, double exponent)
    {
        var raw = Enumerable.Range(1, items.Count).Select(rank => 1.0 / Pow(rank, exponent)).ToArray();
        var sum = raw.Sum();
        return items.Select((item, i) => (item, totalWeight * raw[i] / sum));
    }

    /// <summary>Head entries followed by a Zipf tail taking <paramref name="tailShare"/> of the total weight.</summary>
    public static Weighted<T> HeadAndTail<T>(IEnumerable<(T Item, double Weight)> head, IReadOnlyList<T> tail, double tailShare, double exponent)
    {
        var headList = head.ToList();
        var headWeight = headList.Sum(e => e.Weight);
        var tailWeight = headList.Count == 0 ? 1.0 : headWeight * tailShare / (1 - tailShare);
        return new Weighted<T>(headList.Concat(Zipf(tail, tailWeight, exponent)));
    }

    /// <summary>A fixed shuffle of <paramref name="items"/> (Fisher-Yates with its own seed), so that
    /// a tail's ranks do not follow the order the list is written in.</summary>
    public static List<T> Shuffled<T>(IEnumerable<T> items, ulong seed)
    {
        var list = items.ToList();
        var random = new SampleRandom(seed);
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.NextInt(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }

    // x^y = exp(y ln x) through ExactMath, so the weights are the same bits on every runtime.
    private static double Pow(int x, double y) => ExactMath.Exp(y * ExactMath.Ln(x));
}
