using WinePipeline.Steps.ExtractFeatures;

namespace WinePipeline.Steps.Tests.ExtractFeatures;

public sealed class TitleYearTests
{
    private const int CurrentYear = 2024;

    [Theory]
    [InlineData("Nicosia 2013 Vulkà Bianco  (Etna)", 2013)]
    [InlineData("1000 Stories 2014 Zinfandel (California)", 0)]
    [InlineData("Future Cellars 2025 Merlot", 0)]
    [InlineData("Old Vine 1899 Shiraz", 0)]
    [InlineData("Old Vine 1900 Shiraz", 1900)]
    [InlineData("Fresh 2024 Release", 2024)]
    [InlineData("Château Pétrus-2010 Pomerol", 2010)]
    [InlineData("Cuvée 2010s then 2012 Brut", 2012)]
    [InlineData("Bin 12 2015 Cabernet", 0)]
    [InlineData("Label 99999999999999999999 Red", 0)]
    public void The_first_standalone_integer_is_the_year_if_between_1900_and_now_else_0(string title, int expected) =>
        Assert.Equal(expected, TitleYear.Extract(title, CurrentYear));

    [Theory]
    [InlineData("Quinta dos Avidagos Douro Red")]
    [InlineData("Vintage2010 Red")]
    [InlineData(null)]
    public void A_title_without_a_standalone_integer_gives_a_missing_year(string? title) =>
        Assert.Null(TitleYear.Extract(title, CurrentYear));
}
