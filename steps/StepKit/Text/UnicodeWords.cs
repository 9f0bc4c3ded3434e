using System.Globalization;
using System.Text;

namespace WinePipeline.StepKit.Text;

/// <summary>Splits text into words the way a Unicode regex \b sees them: a word is a maximal run of
/// letters, digits, combining marks and underscores, so "rosé" is one word and "red-fruited" two.</summary>
public static class UnicodeWords
{
    public static IEnumerable<Range> Enumerate(string text)
    {
        var start = -1;
        var position = 0;
        while (position < text.Length)
        {
            Rune.DecodeFromUtf16(text.AsSpan(position), out var rune, out var consumed);
            if (IsWordCharacter(rune))
            {
                start = start < 0 ? position : start;
            }
            else if (start >= 0)
            {
                yield return start..position;
                start = -1;
            }

            position += consumed;
        }

        if (start >= 0)
        {
            yield return start..text.Length;
        }
    }

    public static bool IsWordCharacter(Rune rune) =>
        Rune.IsLetterOrDigit(rune)
        || rune.Value == '_'
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
