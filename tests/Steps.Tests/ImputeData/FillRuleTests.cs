using WinePipeline.StepKit;
using WinePipeline.Steps.ImputeData;

namespace WinePipeline.Steps.Tests.ImputeData;

public sealed class FillRuleTests
{
    [Theory]
    [InlineData(new[] { 30.0, 10, 20 }, 20)]
    [InlineData(new[] { 40.0, 10, 20, 30 }, 25)]
    [InlineData(new[] { 15.0 }, 15)]
    public void The_median_takes_the_middle_value_or_the_mean_of_the_two_middle_values(double[] values, double expected) =>
        Assert.Equal(expected, Fitted(new MedianFill(), values));

    [Theory]
    [InlineData(new[] { 3.0, 1, 3, 2 }, 3)]
    [InlineData(new[] { 5.0, 2, 5, 2, 9 }, 2)]
    [InlineData(new[] { 7.0, 4 }, 4)]
    public void The_most_frequent_value_wins_and_ties_go_to_the_smallest(double[] values, double expected) =>
        Assert.Equal(expected, Fitted(new MostFrequentFill(), values));

    [Fact]
    public void A_column_with_no_training_values_cannot_be_fitted()
    {
        var error = Assert.Throws<InvalidInputException>(() => new MedianFill().FillValue("train.csv", "price"));

        Assert.Contains("train.csv", error.Message);
        Assert.Contains("'price'", error.Message);
    }

    [Theory]
    [InlineData(WineColumns.TasterName, typeof(ConstantFill))]
    [InlineData(WineColumns.Price, typeof(MedianFill))]
    [InlineData(WineColumns.Year, typeof(MedianFill))]
    [InlineData(WineColumns.Country, typeof(MostFrequentFill))]
    [InlineData(WineColumns.Province, typeof(MostFrequentFill))]
    [InlineData(WineColumns.Region1, typeof(MostFrequentFill))]
    [InlineData(WineColumns.Variety, typeof(MostFrequentFill))]
    [InlineData(WineColumns.IsRed, typeof(NoFill))]
    public void Each_feature_column_has_the_rule_of_the_spec(string column, Type rule) =>
        Assert.IsType(rule, Imputation.RuleFor(column));

    private static double? Fitted(FillRule rule, double[] values)
    {
        foreach (var value in values)
        {
            rule.Observe(value);
        }

        return rule.FillValue("train.csv", "column");
    }
}
