namespace WinePipeline.Steps.DownloadData.Sample;

/// <summary>Finds the <see cref="KeywordFlags"/> in a description.</summary>
public static class KeywordScanner
{
    private static readonly Dictionary<string, KeywordFlags>.AlternateLookup<ReadOnlySpan<char>> Words =
        BuildWords().GetAlternateLookup<ReadOnlySpan<char>>();

    public static KeywordFlags Scan(string text)
    {
        var flags = KeywordFlags.None;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_');
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                if (i - start <= 9 && Words.TryGetValue(text.AsSpan(start, i - start), out var flag))
                {
                    flags |= flag;
                }

                start = -1;
            }
        }

        return flags;
    }

    private static Dictionary<string, KeywordFlags> BuildWords()
    {
        var groups = new (KeywordFlags Flag, string[] Words)[]
        {
            (KeywordFlags.Red, ["red", "noir", "black"]),
            (KeywordFlags.White, ["white", "blanc", "bianco", "blanco", "blanca"]),
            (KeywordFlags.Rose, ["rose", "rosé"]),
            (KeywordFlags.Sparkling, ["sparkling"]),
            (KeywordFlags.Dry, ["dry", "dried"]),
            (KeywordFlags.Sweet, ["sweet"]),
        };
        var words = new Dictionary<string, KeywordFlags>(StringComparer.Ordinal);
        foreach (var (flag, list) in groups)
        {
            foreach (var word in list)
            {
                words[word] = flag;
                words[char.ToUpperInvariant(word[0]) + word[1..]] = flag;
                words[word.ToUpperInvariant()] = flag;
            }
        }

        return words;
    }
}
