using WinePipeline.StepKit;
using WinePipeline.Steps.ImputeData;

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

        DataStepChain.RunAll(raw, interim, minRows: 100);

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
}
