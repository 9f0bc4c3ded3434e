using System.Globalization;
using ScottPlot;
using WinePipeline.StepKit.Metrics;

namespace WinePipeline.Steps.EvaluateModel;

/// <summary>Residuals.png: actual minus predicted points against the prediction, around the zero
/// line; a trend or a funnel here shows where the model is biased.</summary>
internal static class ResidualsChart
{
    public static void Save(string path, IReadOnlyList<float> predicted, IReadOnlyList<float> actual, ModelMetrics metrics)
    {
        var plot = new Plot().WithChartFont();
        var residuals = actual.Select((a, i) => (double)a - predicted[i]).ToArray();
        var zero = plot.Add.HorizontalLine(0);
        zero.Color = Colors.DimGray;
        zero.LinePattern = LinePattern.Dashed;
        zero.LineWidth = 1.5f;

        // The diagonal stripes are the whole-number actual points: for each, residual = actual - predicted.
        var points = plot.Add.ScatterPoints(predicted.Select(p => (double)p).ToArray(), residuals);
        points.Color = Colors.DarkOrange.WithAlpha(0.3);
        points.MarkerSize = 6;

        var reach = Math.Ceiling(residuals.Max(Math.Abs)) + 0.5;
        var (low, high) = PredictedVsActualChart.PointsRange(predicted);
        plot.Axes.SetLimits(low, high, -reach, reach);
        plot.Title(string.Create(CultureInfo.InvariantCulture, $"Residuals (actual - predicted): MAE {metrics.Mae:F2}, RMSE {metrics.Rmse:F2}"));
        plot.XLabel("Predicted points");
        plot.YLabel("Residual (points)");
        plot.SavePng(path, 900, 600);
    }
}
