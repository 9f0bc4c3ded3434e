using ScottPlot;
using ScottPlot.Statistics;

namespace WinePipeline.Steps.EvaluateModel;

/// <summary>PredictionsVSActuals.png: histograms of the predicted and the actual points, side by side.</summary>
internal static class PredictionHistograms
{
    private const double MinPoints = 80;
    private const double MaxPoints = 100;

    public static void Save(string path, IReadOnlyList<float> predicted, IReadOnlyList<float> actual)
    {
        var predictedHistogram = Histogram(predicted);
        var actualHistogram = Histogram(actual);
        var tallestBin = Math.Max(predictedHistogram.Counts.Max(), actualHistogram.Counts.Max());

        var multiplot = new Multiplot(Panel(predictedHistogram, "Predicted points", Colors.SteelBlue, tallestBin))
        {
            Layout = new ScottPlot.MultiplotLayouts.Columns(),
        };
        multiplot.AddPlot(Panel(actualHistogram, "Actual points", Colors.DarkOrange, tallestBin));
        multiplot.SavePng(path, 1200, 500);
    }

    // One bin per point score, centred on it, so the integer actual points each get their own bar.
    private static Histogram Histogram(IEnumerable<float> points)
    {
        var histogram = ScottPlot.Statistics.Histogram.WithBinSize(1, MinPoints - 0.5, MaxPoints + 0.5);
        histogram.AddRange(points.Select(p => (double)p));
        return histogram;
    }

    private static Plot Panel(Histogram histogram, string title, Color color, int tallestBin)
    {
        var plot = new Plot().WithChartFont();
        var bars = plot.Add.Histogram(histogram, color);
        bars.BarWidthFraction = 0.9;
        plot.Title(title);
        plot.XLabel("Points");
        plot.YLabel("Number of wines");
        // The same scales in both panels, so the two distributions can be compared by eye.
        plot.Axes.SetLimits(MinPoints - 0.5, MaxPoints + 0.5, 0, tallestBin * 1.1);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(2);
        return plot;
    }
}
