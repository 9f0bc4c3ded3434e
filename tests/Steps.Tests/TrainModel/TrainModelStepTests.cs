using WinePipeline.StepKit;
using WinePipeline.Steps.Tests.DataSteps;
using WinePipeline.Steps.TrainModel;

namespace WinePipeline.Steps.Tests.TrainModel;

public sealed class TrainModelStepTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Training_writes_only_model_zip_and_logs_rows_features_and_trees()
    {
        var (features, target) = SyntheticWines.Write(_folder, "train", rows: 300, seed: 1);

        var run = Train(features, target).Succeeded();

        Assert.Equal([TrainModelStep.ModelFile], _folder.OutputNames());
        Assert.True(new FileInfo(_folder.Output(TrainModelStep.ModelFile)).Length > 10_000);
        Assert.Contains("read 300 rows x 14 features", run.Out);
        Assert.Contains("random forest of 100 trees", run.Out);
        Assert.Matches(@"trained in \d+\.\d\d s", run.Out);
    }

    [Fact]
    public void A_missing_feature_column_is_named()
    {
        var (lines, target) = SyntheticWines.Lines(5, seed: 2);
        var features = _folder.Write("features.csv", [
            SyntheticWines.FeaturesHeader.Replace(",price,", ",", StringComparison.Ordinal),
            .. lines.Select(l => string.Join(',', l.Split(',').Where((_, i) => i != 4))),
        ]);

        Train(features, WriteTarget(target)).FailedWithNoOutput(_folder, features, "'price' is missing");
    }

    [Fact]
    public void Feature_columns_out_of_order_are_refused()
    {
        var (lines, target) = SyntheticWines.Lines(5, seed: 3);
        var features = _folder.Write("features.csv", [
            SyntheticWines.FeaturesHeader.Replace("country,province", "province,country", StringComparison.Ordinal), .. lines,
        ]);

        Train(features, WriteTarget(target)).FailedWithNoOutput(_folder, features, "in this order", "found province, country");
    }

    [Fact]
    public void A_non_numeric_value_names_file_row_and_column()
    {
        var (lines, target) = SyntheticWines.Lines(5, seed: 4);
        lines[2] = string.Join(',', lines[2].Split(',').Select((field, i) => i == 5 ? "nineties" : field));
        var features = _folder.Write("features.csv", [SyntheticWines.FeaturesHeader, .. lines]);

        Train(features, WriteTarget(target)).FailedWithNoOutput(_folder, features, "row 3", "column 'year'", "'nineties' is not a number");
    }

    [Fact]
    public void A_missing_feature_value_names_file_row_and_column()
    {
        var (lines, target) = SyntheticWines.Lines(5, seed: 5);
        lines[1] = string.Join(',', lines[1].Split(',').Select((field, i) => i == 4 ? string.Empty : field));
        var features = WriteFeatures(lines);

        Train(features, WriteTarget(target)).FailedWithNoOutput(_folder, features, "row 2", "column 'price'", "missing");
    }

    [Fact]
    public void A_header_only_features_file_is_refused()
    {
        var (_, target) = SyntheticWines.Lines(5, seed: 6);
        var features = WriteFeatures([]);

        Train(features, WriteTarget(target)).FailedWithNoOutput(_folder, features, "header but no rows");
    }

    [Fact]
    public void Features_and_target_with_different_row_counts_name_both_files()
    {
        var (lines, target) = SyntheticWines.Lines(6, seed: 7);
        var features = WriteFeatures(lines);
        var targetPath = WriteTarget(target[..5]);

        Train(features, targetPath).FailedWithNoOutput(_folder, features, "6 rows", targetPath, "has 5");
    }

    private string WriteFeatures(string[] lines) => _folder.Write("features.csv", [SyntheticWines.FeaturesHeader, .. lines]);

    private string WriteTarget(string[] lines) => _folder.Write("target.csv", [WineColumns.Target, .. lines]);

    private StepRun Train(string features, string target) =>
        StepRun.Of<TrainModelOptions>("train_model", TrainModelStep.Run,
            "--in-train-features-csv", features, "--in-train-target-csv", target, "--out-dir", _folder.OutDir);
}
