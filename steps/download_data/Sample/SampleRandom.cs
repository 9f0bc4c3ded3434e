namespace WinePipeline.Steps.DownloadData.Sample;

/// <summary>
/// xoshiro256** seeded through SplitMix64: a small generator of our own so that a seed gives the
/// same data on every .NET version (System.Random's sequence is not a contract). Only integer
/// arithmetic and exact double operations are used, never library math.
/// </summary>
public sealed class SampleRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public SampleRandom(ulong seed)
    {
        var state = seed;
        _s0 = SplitMix64(ref state);
        _s1 = SplitMix64(ref state);
        _s2 = SplitMix64(ref state);
        _s3 = SplitMix64(ref state);
    }

    public ulong NextULong()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => UnitInterval(NextULong());

    /// <summary>The top 53 bits of <paramref name="bits"/> as a double in [0, 1).</summary>
    public static double UnitInterval(ulong bits) => (bits >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, <paramref name="count"/>).</summary>
    public int NextInt(int count) => (int)((NextULong() >> 33) * (ulong)count >> 31);

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>Approximately standard normal (Irwin-Hall sum of 12 uniforms), exact to the bit everywhere.</summary>
    public double NextGaussian()
    {
        var sum = 0.0;
        for (var i = 0; i < 12; i++)
        {
            sum += NextDouble();
        }

        return sum - 6.0;
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[NextInt(items.Count)];

    private static ulong SplitMix64(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
