using System.Text;

namespace WinePipeline.Steps.DownloadData.Sample;

/// <summary>
/// Writes a review of a few sentences in the voice of the real data: commas, quoted phrases,
/// accents, the colour/sweetness words extract_features looks for (in lower, Capitalised and
/// sometimes UPPER case) and look-alikes it must not match ("reddish", "blackberry").
/// </summary>
public sealed class DescriptionWriter(SampleRandom random)
{
    private static readonly string[] NoseOpeners = ["Aromas", "Scents", "Notes", "Hints", "Whiffs"];
    private static readonly string[] NoseVerbs = ["lead the nose", "open the bouquet", "come first", "rise from the glass", "mark the nose"];
    private static readonly string[] DarkFruits =
        ["cherry", "raspberry", "plum", "blackberry", "blackberries", "cassis", "red currant", "black cherry", "crème de cassis", "boysenberry", "cranberry", "strawberry", "mulberry"];
    private static readonly string[] PaleFruits =
        ["lemon", "lime zest", "green apple", "pear", "white peach", "apricot", "pineapple", "grapefruit", "Meyer lemon", "quince", "melon", "orange blossom"];
    private static readonly string[] Accents =
        ["vanilla", "toast", "cedar", "tobacco", "leather", "clove", "black pepper", "licorice", "smoke", "crushed stone", "wet slate",
         "brioche", "honey", "crème brûlée", "café au lait", "sous-bois", "dried herbs", "dried fig", "baking spice", "mocha", "espresso", "dried roses"];
    private static readonly string[] Tannins = ["firm", "supple", "velvety", "grippy", "dusty", "sweet", "polished", "chewy", "fine-grained"];
    private static readonly string[] Acidities = ["bright", "crisp", "lively", "juicy", "brisk", "mouthwatering"];
    private static readonly string[] Quotes =
        ["a serious wine", "our best yet", "the estate's flagship", "old vines", "a wine for the cellar", "pure fruit, no makeup"];
    private static readonly string[] Praise =
        ["Gorgeous, complex and long.", "A superb, age-worthy effort.", "Impressive depth, with layers that keep unfolding.", "Structured, polished and long, it's a standout."];
    private static readonly string[] Faint =
        ["A bit simple, but clean.", "Light and short on the finish.", "Somewhat diluted, with a reddish, tired edge.", "Pleasant enough, if a little hollow."];

    private readonly StringBuilder _text = new(400);

    public string Write(Variety? variety, string? country, int? vintage, double quality)
    {
        _text.Clear();
        var style = variety?.Style ?? WineStyle.Red;
        var fruits = style is WineStyle.Red or WineStyle.Fortified ? DarkFruits : PaleFruits;
        var (fruit1, fruit2) = PickTwo(fruits);
        Sentence($"{random.Pick(NoseOpeners)} of {fruit1}, {fruit2} and {random.Pick(Accents)} {random.Pick(NoseVerbs)}.");
        if (random.Chance(0.7))
        {
            var styleSentence = StyleSentence(style, variety?.Name, country);
            Sentence(random.Chance(0.015) ? styleSentence.ToUpperInvariant() : styleSentence);
        }

        Sentence(PalateSentence(style, fruits));
        if (random.Chance(0.12))
        {
            Sentence(random.Chance(0.5)
                ? $"The winery calls it \"{random.Pick(Quotes)}\", and it shows."
                : $"\"{Capitalise(random.Pick(Quotes))}\" says the back label; fair enough.");
        }

        if (quality > 1.2)
        {
            Sentence(random.Pick(Praise));
        }
        else if (quality < -1.2)
        {
            Sentence(random.Pick(Faint));
        }

        if (vintage is { } year && random.Chance(0.35))
        {
            Sentence(random.Chance(0.5) ? $"Drink from {year + 4}." : $"Drink now through {year + 8}.");
        }

        return _text.ToString();
    }

    private string StyleSentence(WineStyle style, string? variety, string? country)
    {
        var name = variety ?? "wine";
        return style switch
        {
            WineStyle.Red => random.NextInt(6) switch
            {
                0 => $"This is a {Pick("sturdy", "juicy", "bold", "supple")} red, made from {name}.",
                1 => $"Black fruit dominates, with a reddish rim and hints of {random.Pick(Accents)}.",
                2 => $"A classic {name} from a warm vintage, dark and plush.",
                3 => $"Red and black fruits mingle, framed by {random.Pick(Tannins)} tannins.",
                4 => "Brooding and dark, almost noir in color, it's plush and ripe.",
                _ => $"Blackberry and {random.Pick(DarkFruits)} flavors dominate this {name}.",
            },
            WineStyle.White => country switch
            {
                "Italy" when random.Chance(0.5) => $"A fresh bianco, made from {name}.",
                "Spain" when random.Chance(0.5) => random.Chance(0.5) ? $"This vino blanco shows {random.Pick(PaleFruits)}." : "Made from uva blanca, it's bright and zesty.",
                _ => random.NextInt(4) switch
                {
                    0 => $"This white is {Pick("crisp", "rich", "round", "zesty")}, with a whitish, pale straw hue.",
                    1 => $"White flowers and {random.Pick(PaleFruits)} define this {name}.",
                    2 => $"A blanc de blancs style {name}, taut and mineral.",
                    _ => $"A {Pick("ripe", "lean", "lively")} {name}, fermented in stainless steel.",
                },
            },
            WineStyle.Rose => Pick(
                "This rosé is pale salmon in color, delicate and fresh.",
                "Rosé lovers will find strawberry and watermelon here.",
                "A dry rose with a coppery hue and a hint of dried roses.",
                "Pale pink, this Rose offers red berries and citrus."),
            WineStyle.Sparkling => Pick(
                "This sparkling wine has fine bubbles and a creamy mousse.",
                "Sparkling and fresh, it's an apéritif in the making.",
                "A blanc de noirs sparkling, toasty and broad.",
                "Crisp and dry, with persistent bubbles."),
            _ => Pick(
                "Sweet and rich, it layers dried fruit, nuts and caramel.",
                "This is a sweet, fortified wine with raisin and fig flavors.",
                "Luscious sweetness is balanced by bright acidity.",
                "Dried apricot and honey, sweet but never cloying."),
        };
    }

    private string PalateSentence(WineStyle style, string[] fruits) =>
        style is WineStyle.Red or WineStyle.Fortified
            ? $"The palate offers {random.Pick(fruits)} and {random.Pick(Accents)}, with {random.Pick(Tannins)} tannins and {random.Pick(Acidities)} acidity."
            : $"The palate is {Pick("crisp", "rich", "taut", "creamy", "juicy")}, with {random.Pick(fruits)} and a {Pick("dry", "bone-dry", "off-dry", "long", "saline", "sweet-tart")} finish.";

    private string Pick(params string[] choices) => random.Pick(choices);

    private (string, string) PickTwo(string[] choices)
    {
        var first = random.NextInt(choices.Length);
        var second = (first + 1 + random.NextInt(choices.Length - 1)) % choices.Length;
        return (choices[first], choices[second]);
    }

    private void Sentence(string sentence)
    {
        if (_text.Length > 0)
        {
            _text.Append(' ');
        }

        _text.Append(sentence);
    }

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
