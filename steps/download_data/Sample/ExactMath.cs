namespace WinePipeline.Steps.DownloadData.Sample;

/// <summary>The little math the generator needs, written with + and * only so that every
/// runtime computes the same bits (library Exp may differ in the last place between platforms).</summary>
public static class ExactMath
{
    private const double E = 2.718281828459045;
    private const double Ln2 = 0.6931471805599453;

    public static double Exp(double x)
    {
        var whole = Math.Floor(x);
        var fraction = x - whole;
        var result = 1.0;
        var term = 1.0;
        for (var n = 1; n <= 20; n++)
        {
            term *= fraction / n;
            result += term;
        }

        for (var i = 0; i < Math.Abs(whole); i++)
        {
            result = whole > 0 ? result * E : result / E;
        }

        return result;
    }

    /// <summary>The natural logarithm of a positive number: x = m * 2^k with m in [1, 2), and
    /// ln m = 2 atanh((m - 1) / (m + 1)) summed as a series.</summary>
    public static double Ln(double x)
    {
        if (!(x > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "the logarithm needs a positive number");
        }

        var powerOfTwo = 0;
        for (; x >= 2; x /= 2)
        {
            powerOfTwo++;
        }

        for (; x < 1; x *= 2)
        {
            powerOfTwo--;
        }

        var z = (x - 1) / (x + 1);
        var sum = 0.0;
        var term = z;
        for (var n = 1; n <= 41; n += 2)
        {
            sum += term / n;
            term *= z * z;
        }

        return powerOfTwo * Ln2 + 2 * sum;
    }

    /// <summary>A fixed pseudo-random offset in [-spread, spread] for a name, so that every region
    /// gets its own quality without a hand-written table.</summary>
    public static double NameOffset(string name, double spread) =>
        (SampleRandom.UnitInterval(NameHash(name)) * 2.0 - 1.0) * spread;

    /// <summary>The FNV-1a hash of a name: a fixed number per name, on every runtime.</summary>
    public static ulong NameHash(string name)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
