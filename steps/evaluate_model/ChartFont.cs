using ScottPlot;
using SkiaSharp;
using WinePipeline.StepKit;

namespace WinePipeline.Steps.EvaluateModel;

/// <summary>The typeface of every chart, named explicitly: left to itself ScottPlot picks whichever
/// family SkiaSharp reports first, which is a serif face on a Debian image with fonts-dejavu-core.</summary>
internal static class ChartFont
{
    public const string Family = "DejaVu Sans";

    public static Plot WithChartFont(this Plot plot)
    {
        // Without it SkiaSharp still renders, silently leaving every title and label out.
        if (SKFontManager.Default.MatchFamily(Family) is null)
        {
            throw new InvalidInputException($"font '{Family}' is not installed (Debian package fonts-dejavu-core); the charts would have no text");
        }

        plot.Font.Set(Family);
        return plot;
    }
}
