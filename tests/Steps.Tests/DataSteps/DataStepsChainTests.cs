using WinePipeline.StepKit;
using WinePipeline.StepKit.Options;
using WinePipeline.Steps.CleanData;
using WinePipeline.Steps.ExtractFeatures;
using WinePipeline.Steps.ImputeData;
using WinePipeline.Steps.MakeDataset;
using WinePipeline.Steps.TransformData;

namespace WinePipeline.Steps.Tests.DataSteps;

public sealed class DataStepsChainTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_hundred_raw_rows_become_complete_feature_and_target_files()
    {
        var raw = _folder.Write("wine_dataset.csv", [RawWine.Header(), .. Enumerable.Range(0, 100).Select(VariedRow)]);
        var interim = _folder.OutDir;

        StepRun.Of<MakeDatasetOptions>("make_dataset", MakeDatasetStep.Run, "--in-csv", raw, "--out-dir", interim, "--min-rows", "100").Succeeded();
        RunTrainTest("clean_data", CleanDataStep.Run, MakeDatasetStep.TrainFile, MakeDatasetStep.TestFile);
        RunTrainTest("extract_features", ExtractFeaturesStep.Run, CleanDataStep.TrainFile, CleanDataStep.TestFile);
        RunTrainTest("transform_data", TransformDataStep.Run, ExtractFeaturesStep.TrainFile, ExtractFeaturesStep.TestFile);
        RunTrainTest("impute_data", ImputeDataStep.Run, TransformDataStep.TrainFile, TransformDataStep.TestFile);

        var (trainHeader, trainFeatures) = _folder.ReadOutput(ImputeDataStep.TrainFeaturesFile);
        var (testHeader, testFeatures) = _folder.ReadOutput(ImputeDataStep.TestFeaturesFile);
        Assert.Equal(WineColumns.Features, trainHeader);
        Assert.Equal(WineColumns.Features, testHeader);
        Assert.Equal(88, trainFeatures.Count); // 90 train rows less one duplicate and one without points
        Assert.Equal(10, testFeatures.Count);
        Assert.All(trainFeatures.Concat(testFeatures), row => Assert.All(row, Assert.NotNull));
        Assert.Equal(88, _folder.ReadColumn(ImputeDataStep.TrainTargetFile, WineColumns.Points).Count);
        Assert.Equal(10, _folder.ReadColumn(ImputeDataStep.TestTargetFile, WineColumns.Points).Count);
    }

    /// <summary>Varied rows; row 50 repeats row 49 but for the dropped winery column, row 60 has no points.</summary>
    private static string VariedRow(int index)
    {
        var key = index == 50 ? 49 : index;
        return RawWine.Row(
            index,
            (WineColumns.Country, (key % 4) switch { 0 => "Italy", 1 => "France", 2 => "US", _ => null }),
            (WineColumns.Points, key == 60 ? null : (80 + key % 21).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (WineColumns.Price, key % 3 == 0 ? null : $"{10 + key}.5"),
            (WineColumns.TasterName, key % 4 == 1 ? null : $"Taster {key % 5}"),
            (WineColumns.Region1, key % 7 == 0 ? null : $"Region {key % 6}"),
            (WineColumns.Title, key % 9 == 0 ? "Estate Cuvée" : $"Estate {1990 + key % 40} Cuvée {key}"),
            (WineColumns.Description, $"Wine {key}: red, dry and sweet."),
            (WineColumns.Winery, $"Winery {index}"));
    }

    private void RunTrainTest(string stepName, Action<TrainTestStepOptions, WinePipeline.StepKit.Hosting.StepContext> step, string train, string test) =>
        StepRun.Of(stepName, step, "--in-train-csv", _folder.Output(train), "--in-test-csv", _folder.Output(test), "--out-dir", _folder.OutDir).Succeeded();
}
