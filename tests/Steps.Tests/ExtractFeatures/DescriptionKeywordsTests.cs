using WinePipeline.StepKit;
using WinePipeline.StepKit.Text;

namespace WinePipeline.Steps.Tests.ExtractFeatures;

public sealed class DescriptionKeywordsTests
{
    private static readonly DescriptionKeywords Keywords = new();

    [Theory]
    [InlineData("Bright red fruit.", WineColumns.IsRed)]
    [InlineData("Red fruit up front.", WineColumns.IsRed)]
    [InlineData("RED FRUIT", WineColumns.IsRed)]
    [InlineData("Notes of red-fruited cherry", WineColumns.IsRed)]
    [InlineData("A Pinot Noir nose", WineColumns.IsRed)]
    [InlineData("black cherry", WineColumns.IsRed)]
    [InlineData("Blanc de blancs", WineColumns.IsWhite)]
    [InlineData("a fine Bianco", WineColumns.IsWhite)]
    [InlineData("BLANCA", WineColumns.IsWhite)]
    [InlineData("A crisp rosé.", WineColumns.IsRose)]
    [InlineData("Rosé from Provence", WineColumns.IsRose)]
    [InlineData("ROSÉ", WineColumns.IsRose)]
    [InlineData("a rose petal note", WineColumns.IsRose)]
    [InlineData("Sparkling and fresh", WineColumns.IsSparkling)]
    [InlineData("dried herbs", WineColumns.IsDry)]
    [InlineData("(sweet)", WineColumns.IsSweet)]
    public void A_whole_keyword_in_lower_Capitalised_or_UPPER_case_sets_its_flag(string description, string column) =>
        Assert.Equal([column], FlagsSetBy(description));

    [Theory]
    [InlineData("rEd fruit")]
    [InlineData("a reddish hue")]
    [InlineData("blackberry and blueberry")]
    [InlineData("rosébud")]
    [InlineData("rosewater")]
    [InlineData("red_fruit")]
    [InlineData("DrY")]
    [InlineData("sweetness")]
    public void Mixed_case_or_part_of_a_longer_word_does_not_match(string description) =>
        Assert.Empty(FlagsSetBy(description));

    [Fact]
    public void Rose_followed_by_a_combining_accent_is_not_the_word_rose() =>
        Assert.Empty(FlagsSetBy("a rose\u0301 wine"));

    [Fact]
    public void Several_keywords_set_several_flags() =>
        Assert.Equal([WineColumns.IsWhite, WineColumns.IsSparkling, WineColumns.IsSweet], FlagsSetBy("Sweet, sparkling WHITE."));

    [Fact]
    public void A_missing_description_sets_no_flag() =>
        Assert.All(Keywords.Match(null), Assert.False);

    private static string[] FlagsSetBy(string description) =>
        Keywords.Match(description).Select((found, i) => found ? DescriptionKeywords.Flags[i].Column : null).OfType<string>().ToArray();
}
