using ScottPlot;
using WinePipeline.Steps.EvaluateModel;

namespace WinePipeline.Steps.SelectModel;

/// <summary>Comparison.png: each variant's validation MSE against its training time, labelled with
/// its id, the chosen one highlighted; the best trade-offs sit at the bottom left.</summary>
internal static class ComparisonChart
{
    public static void Save(string path, IReadOnlyList<Variant> succeeded, Variant chosen)
    {
        var plot = new Plot().WithChartFont();
        foreach (var variant in succeeded)
        {
            var isChosen = variant == chosen;
            var (seconds, mse) = (variant.Report!.TrainingSeconds, variant.Report.Validation.Mse);
            var marker = plot.Add.Marker(seconds, mse, isChosen ? MarkerShape.FilledDiamond : MarkerShape.FilledCircle, isChosen ? 16 : 10,
                isChosen ? Colors.OrangeRed : Colors.SteelBlue);
            marker.LegendText = string.Empty;
            var label = plot.Add.Text(isChosen ? $"{variant.Id} (chosen)" : variant.Id, seconds, mse);
            label.LabelFontSize = 13;
            label.LabelBold = isChosen;
            label.LabelFontColor = isChosen ? Colors.OrangeRed : Colors.Black;
            label.LabelAlignment = Alignment.LowerLeft;
            label.OffsetX = 8;
            label.OffsetY = -6;
        }

        plot.Title("Validation MSE against training time, per variant");
        plot.XLabel("Training time (s)");
        plot.YLabel("Validation mean squared error");
        // Room on the right and at the top for the labels, which are drawn beside their points.
        plot.Axes.Margins(left: 0.1, right: 0.25, bottom: 0.1, top: 0.15);
        plot.SavePng(path, 900, 600);
    }
}
