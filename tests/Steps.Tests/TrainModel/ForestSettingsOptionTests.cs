using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using WinePipeline.StepKit.Forest;
using WinePipeline.Steps.Tests.DataSteps;
using WinePipeline.Steps.TrainModel;

namespace WinePipeline.Steps.Tests.TrainModel;

public sealed class ForestSettingsOptionTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly (string Features, string Target) _train;

    public ForestSettingsOptionTests() => _train = SyntheticWines.Write(_folder, "train", rows: 200, seed: 21);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Without_options_the_forest_uses_the_spec_defaults()
    {
        var run = Train().Succeeded();

        Assert.Contains("trees=100 leaves=1000 bins=256 min-per-leaf=2 bagging-fraction=0.632 feature-fraction-per-split=0.27 seed=42", run.Out);
        Assert.Equal(100, TreesIn(_folder.Output(TrainModelStep.ModelFile)).Count);
    }

    [Fact]
    public void The_tree_and_leaf_options_reach_the_trained_forest()
    {
        Train("--trees", "7", "--leaves", "5", "--min-per-leaf", "3", "--seed", "9").Succeeded();

        var trees = TreesIn(_folder.Output(TrainModelStep.ModelFile));
        Assert.Equal(7, trees.Count);
        Assert.All(trees, tree => Assert.InRange(tree.NumberOfLeaves, 2, 5));
    }

    [Theory]
    [InlineData("--trees", "0", "--trees must be a whole number from 1 to 10000, got 0")]
    [InlineData("--trees", "abc", "--trees must be a whole number from 1 to 10000, got 'abc'")]
    [InlineData("--trees", "2.5", "--trees must be a whole number from 1 to 10000, got 2.5")]
    [InlineData("--leaves", "1", "--leaves must be a whole number from 2 to 100000, got 1")]
    [InlineData("--bins", "1e9", "--bins must be a whole number from 2 to 65536, got 1000000000")]
    [InlineData("--min-per-leaf", "0", "--min-per-leaf must be a whole number from 1 to 1000000, got 0")]
    [InlineData("--bagging-fraction", "0", "--bagging-fraction must be a number above 0 and at most 1, got 0")]
    [InlineData("--bagging-fraction", "1.5", "--bagging-fraction must be a number above 0 and at most 1, got 1.5")]
    [InlineData("--feature-fraction-per-split", "most", "--feature-fraction-per-split must be a number above 0 and at most 1, got 'most'")]
    [InlineData("--feature-fraction-per-split", "NaN", "--feature-fraction-per-split must be a number above 0 and at most 1, got NaN")]
    [InlineData("--seed", "-1", "--seed must be a whole number from 0 to 2147483647, got -1")]
    [InlineData("--validation-fraction", "1", "--validation-fraction must be a number between 0 and 1 (exclusive), e.g. 0.1; got '1'")]
    [InlineData("--validation-fraction", "ten", "--validation-fraction must be a number between 0 and 1 (exclusive), e.g. 0.1; got 'ten'")]
    public void A_setting_out_of_range_or_not_a_number_fails_with_one_line_naming_the_option(string option, string value, string message)
    {
        Train(option, value).FailedWithNoOutput(_folder, message);
    }

    [Fact]
    public void Help_lists_every_setting_with_its_default()
    {
        var help = Train("--help").Succeeded().Out;

        foreach (var setting in ForestSettings.All)
        {
            Assert.Contains($"--{setting.Name}", help);
            Assert.Contains($"Default {setting.Format(ForestSettings.Default)}", help);
        }
    }

    [Fact]
    public void A_params_file_in_the_chosen_json_format_sets_the_forest_and_options_override_it()
    {
        var settings = ForestSettings.Default with { Trees = 4, Leaves = 6, Bins = 32, MinPerLeaf = 3, BaggingFraction = 0.5, FeatureFractionPerSplit = 0.5, Seed = 5 };
        var paramsFile = _folder.Write("chosen.json", ForestSettingsFile.ToJson(settings));

        var run = Train("--params-file", paramsFile, "--trees", "6").Succeeded();

        Assert.Contains("trees=6 leaves=6 bins=32 min-per-leaf=3 bagging-fraction=0.5 feature-fraction-per-split=0.5 seed=5", run.Out);
        Assert.Equal(6, TreesIn(_folder.Output(TrainModelStep.ModelFile)).Count);
    }

    [Fact]
    public void A_params_file_may_leave_settings_out_which_keep_their_defaults()
    {
        var paramsFile = _folder.Write("params.json", """{ "trees": 3 }""");

        var run = Train("--params-file", paramsFile).Succeeded();

        Assert.Contains("trees=3 leaves=1000 bins=256", run.Out);
    }

    [Theory]
    [InlineData("""{ "trees": 3, "tres": 4 }""", "unknown setting 'tres' (known: trees, leaves, bins, minPerLeaf, baggingFraction, featureFractionPerSplit, seed)")]
    [InlineData("""{ "trees": "many" }""", "trees must be a whole number from 1 to 10000, got \"many\"")]
    [InlineData("""{ "baggingFraction": 2 }""", "baggingFraction must be a number above 0 and at most 1, got 2")]
    [InlineData("""[1, 2]""", "expected a JSON object of forest settings, found Array")]
    [InlineData("""{ "trees": 3 """, "not valid JSON")]
    public void A_bad_params_file_fails_with_one_line_naming_the_file(string content, string message)
    {
        var paramsFile = _folder.Write("params.json", content);

        Train("--params-file", paramsFile).FailedWithNoOutput(_folder, paramsFile, message);
    }

    [Fact]
    public void A_missing_params_file_is_named()
    {
        var missing = _folder.PathOf("nowhere.json");

        Train("--params-file", missing).FailedWithNoOutput(_folder, missing, "file not found");
    }

    [Fact]
    public void A_setting_given_twice_is_a_usage_error()
    {
        var run = Train("--trees", "5", "--trees", "6");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("train_model: error: option --trees is given more than once (see --help)", run.Error.Trim());
        Assert.Empty(_folder.OutputNames());
    }

    private StepRun Train(params string[] options) =>
        StepRun.Of<TrainModelOptions>("train_model", TrainModelStep.Run,
            ["--in-train-features-csv", _train.Features, "--in-train-target-csv", _train.Target, "--out-dir", _folder.OutDir, .. options]);

    private static IReadOnlyList<QuantileRegressionTree> TreesIn(string modelPath)
    {
        var model = new MLContext().Model.Load(modelPath, out _);
        var forest = Assert.IsType<RegressionPredictionTransformer<FastForestRegressionModelParameters>>(model).Model;
        return forest.TrainedTreeEnsemble.Trees;
    }
}
