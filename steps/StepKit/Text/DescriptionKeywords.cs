namespace WinePipeline.StepKit.Text;

/// <summary>The 0/1 flags set by whole keywords in the description, each written in lower case,
/// Capitalised or UPPER case ("red", "Red", "RED", but not "rEd").</summary>
public sealed class DescriptionKeywords
{
    public static readonly IReadOnlyList<(string Column, string[] Words)> Flags =
    [
        (WineColumns.IsRed, ["red", "noir", "black"]),
        (WineColumns.IsWhite, ["white", "blanc", "bianco", "blanco", "blanca"]),
        (WineColumns.IsRose, ["rose", "rosé"]),
        (WineColumns.IsSparkling, ["sparkling"]),
        (WineColumns.IsDry, ["dry", "dried"]),
        (WineColumns.IsSweet, ["sweet"]),
    ];

    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _flagOfWord;

    public DescriptionKeywords()
    {
        var flagOfWord = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var flag = 0; flag < Flags.Count; flag++)
        {
            foreach (var word in Flags[flag].Words)
            {
                flagOfWord[word] = flag;
                flagOfWord[char.ToUpperInvariant(word[0]) + word[1..]] = flag;
                flagOfWord[word.ToUpperInvariant()] = flag;
            }
        }

        _flagOfWord = flagOfWord.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The position of a flag column in <see cref="Flags"/> and in what <see cref="Match"/> returns.</summary>
    public static int IndexOf(string column)
    {
        for (var flag = 0; flag < Flags.Count; flag++)
        {
            if (Flags[flag].Column == column)
            {
                return flag;
            }
        }

        throw new ArgumentException($"{column} is not a keyword flag column", nameof(column));
    }

    /// <summary>One entry per <see cref="Flags"/> entry: whether the description holds one of its words.</summary>
    public bool[] Match(string? description)
    {
        var found = new bool[Flags.Count];
        if (description is null)
        {
            return found;
        }

        foreach (var word in UnicodeWords.Enumerate(description))
        {
            if (_flagOfWord.TryGetValue(description.AsSpan(word), out var flag))
            {
                found[flag] = true;
            }
        }

        return found;
    }
}
