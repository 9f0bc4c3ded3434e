using System.Globalization;
using ScottPlot;
using WinePipeline.StepKit.Metrics;

namespace WinePipeline.Steps.EvaluateModel;

/// <summary>PredictedVsActual.png: one point per test wine, actual points across, predicted up, and
/// the identity line a perfect model would lie on; MSE and R² in the title.</summary>
internal static class PredictedVsActualChart
{
    public static void Save(string path, IReadOnlyList<float> predicted, IReadOnlyList<float> actual, ModelMetrics metrics)
    {
        var plot = new Plot().WithChartFont();
        var (low, high) = PointsRange(predicted.Concat(actual));
        var identity = plot.Add.Line(low, low, high, high);
        identity.Color = Colors.DimGray;
        identity.LinePattern = LinePattern.Dashed;
        identity.LineWidth = 1.5f;

        // Actual points are whole numbers, so wines stack in columns; translucent markers show how many.
        var points = plot.Add.ScatterPoints(actual.Select(a => (double)a).ToArray(), predicted.Select(p => (double)p).ToArray());
        points.Color = Colors.SteelBlue.WithAlpha(0.25);
        points.MarkerSize = 6;

        plot.Title(string.Create(CultureInfo.InvariantCulture, $"Predicted against actual points (MSE {metrics.Mse:F2}, R² {metrics.R2:F2}, {metrics.Rows} wines)"));
        plot.XLabel("Actual points");
        plot.YLabel("Predicted points");
        plot.Axes.SetLimits(low, high, low, high);
        plot.Axes.SquareUnits();
        plot.SavePng(path, 800, 800);
    }

    /// <summary>The whole-point range holding every value, with half a point of margin.</summary>
    internal static (double Low, double High) PointsRange(IEnumerable<float> values)
    {
        var all = values.ToArray();
        return (Math.Floor(all.Min()) - 0.5, Math.Ceiling(all.Max()) + 0.5);
    }
}
