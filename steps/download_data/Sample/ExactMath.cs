namespace WinePipeline.Steps.DownloadData.Sample;

/// <summary>The little math the generator needs, written with + and * only so that every
/// runtime computes the same bits (library Exp may differ in the last place between platforms).</summary>
public static class ExactMath
{
    private const double E = 2.718281828459045;

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

    /// <summary>A fixed pseudo-random offset in [-spread, spread] for a name (FNV-1a hash), so that
    /// every region gets its own quality without a hand-written table.</summary>
    public static double NameOffset(string name, double spread)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return (SampleRandom.UnitInterval(hash) * 2.0 - 1.0) * spread;
    }
}
