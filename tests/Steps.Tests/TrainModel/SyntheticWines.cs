using System.Globalization;
using WinePipeline.StepKit;
using WinePipeline.Steps.Tests.DataSteps;

namespace WinePipeline.Steps.Tests.TrainModel;

/// <summary>
/// Features and target CSVs as impute_data writes them, for made-up wines whose points rise with
/// price and with the taster (plus noise), so a forest has something real to learn.
/// </summary>
public static class SyntheticWines
{
    public static readonly string FeaturesHeader = string.Join(',', WineColumns.Features);

    /// <summary>Writes <paramref name="rows"/> wines to {prefix}_features.csv and {prefix}_target.csv.</summary>
    public static (string Features, string Target) Write(TempFolder folder, string prefix, int rows, int seed)
    {
        var (features, target) = Lines(rows, seed);
        return (folder.Write($"{prefix}_features.csv", [FeaturesHeader, .. features]),
                folder.Write($"{prefix}_target.csv", [WineColumns.Target, .. target]));
    }

    public static (string[] Features, string[] Target) Lines(int rows, int seed)
    {
        var random = new Random(seed);
        var features = new string[rows];
        var target = new string[rows];
        for (var row = 0; row < rows; row++)
        {
            var price = Math.Round(Math.Exp(2.5 + (random.NextDouble() * 2.5)), 1);
            var taster = random.Next(0, 10);
            var noise = (random.NextDouble() + random.NextDouble() - 1) * 2;
            var points = Math.Clamp(Math.Round(80 + (2.5 * Math.Log(price)) + (taster * 0.4) + noise), 80, 100);
            double[] codes = [random.Next(1, 20), random.Next(1, 60), random.Next(1, 120), random.Next(1, 80)];
            double[] flags = [.. Enumerable.Range(0, 7).Select(_ => (double)random.Next(0, 2))];
            double[] values = [.. codes, price, random.Next(1995, 2018), taster, .. flags];
            features[row] = string.Join(',', values.Select(Text));
            target[row] = Text(points);
        }

        return (features, target);
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
