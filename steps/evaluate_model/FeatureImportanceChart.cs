using ScottPlot;

namespace WinePipeline.Steps.EvaluateModel;

/// <summary>FeatureImportances.png: a horizontal bar per feature, largest at the top and highlighted.</summary>
internal static class FeatureImportanceChart
{
    public static void Save(string path, IReadOnlyList<FeatureImportance> importances)
    {
        var ascending = importances.OrderBy(i => i.Importance).ThenByDescending(i => i.Feature, StringComparer.Ordinal).ToArray();
        var bars = ascending.Select((importance, position) => new Bar
        {
            Position = position,
            Value = importance.Importance,
            FillColor = position == ascending.Length - 1 ? Colors.OrangeRed : Colors.SteelBlue,
            LineWidth = 0,
            Label = importance.Importance.ToString("0.000"),
        }).ToArray();

        var plot = new Plot().WithChartFont();
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        barPlot.ValueLabelStyle.FontSize = 12;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            ascending.Select((_, position) => (double)position).ToArray(),
            ascending.Select(i => i.Feature).ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Margins(left: 0, right: 0.15, bottom: 0.02, top: 0.02);
        plot.Title("Feature importances (random forest)");
        plot.XLabel("Importance (share of the total split gain)");
        plot.SavePng(path, 900, 600);
    }
}
