using System.Globalization;
using WinePipeline.StepKit.Text;

namespace WinePipeline.Steps.ExtractFeatures;

/// <summary>The vintage: the first standalone integer in the title.</summary>
public static class TitleYear
{
    public const int EarliestYear = 1900;

    /// <summary>The first whole-word integer of <paramref name="title"/> if it is a year from 1900 to
    /// <paramref name="currentYear"/>, 0 for any other integer, null (missing) when there is none.</summary>
    public static int? Extract(string? title, int currentYear)
    {
        if (title is null)
        {
            return null;
        }

        foreach (var word in UnicodeWords.Enumerate(title))
        {
            var text = title.AsSpan(word);
            if (!text.ContainsAnyExceptInRange('0', '9'))
            {
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= EarliestYear && number <= currentYear ? number : 0;
            }
        }

        return null;
    }
}
