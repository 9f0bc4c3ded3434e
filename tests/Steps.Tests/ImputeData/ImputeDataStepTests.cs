using WinePipeline.StepKit;
using WinePipeline.StepKit.Options;
using WinePipeline.Steps.ImputeData;
using WinePipeline.Steps.Tests.DataSteps;

namespace WinePipeline.Steps.Tests.ImputeData;

public sealed class ImputeDataStepTests : IDisposable
{
    private const string Flag = ".SUCCESS_ImputeData";
    private const string Header =
        "country,points,price,province,region_1,taster_name,variety,is_red,is_white,is_rose,is_sparkling,is_dry,is_sweet,year,is_blend";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Missing_values_are_filled_with_train_statistics_and_features_split_from_target()
    {
        var (train, test) = WriteInputs(
            [
                Header,
                "2,87,10,1,3,1,1,1,0,0,0,1,0,2010,0",
                "1,90,20.5,1,1,,2,0,1,0,0,0,0,2012,1",
                "2,85,30,3,1,2,2,0,0,1,0,0,1,2015,0",
                "1,88,,3,,,1,0,0,0,1,0,0,,0",
            ],
            [Header, ",91,,,,,,1,0,0,0,0,0,,1", "-1,80,12,-1,-1,-1,-1,0,0,0,0,0,0,1999,0"]);

        Run(train, test).Succeeded();

        var (header, trainRows) = _folder.ReadOutput(ImputeDataStep.TrainFeaturesFile);
        Assert.Equal(WineColumns.Features, header);
        Assert.Equal<IEnumerable<string?>>(["1", "3", "1", "1", "20.5", "2012", "0", "0", "0", "0", "1", "0", "0", "0"], trainRows[3]);
        Assert.Equal<IEnumerable<string?>>(["1", "1", "1", "2", "20.5", "2012", "0", "0", "1", "0", "0", "0", "0", "1"], trainRows[1]);
        var testRows = _folder.ReadOutput(ImputeDataStep.TestFeaturesFile).Rows;
        Assert.Equal<IEnumerable<string?>>(["1", "1", "1", "1", "20.5", "2012", "0", "1", "0", "0", "0", "0", "0", "1"], testRows[0]);
        Assert.Equal<IEnumerable<string?>>(["-1", "-1", "-1", "-1", "12", "1999", "-1", "0", "0", "0", "0", "0", "0", "0"], testRows[1]);
        Assert.Equal(["87", "90", "85", "88"], _folder.ReadColumn(ImputeDataStep.TrainTargetFile, WineColumns.Points));
        Assert.Equal([WineColumns.Points], _folder.ReadOutput(ImputeDataStep.TestTargetFile).Header);
        Assert.Equal(["91", "80"], _folder.ReadColumn(ImputeDataStep.TestTargetFile, WineColumns.Points));
        Assert.Equal(
            [Flag, ImputeDataStep.TestFeaturesFile, ImputeDataStep.TestTargetFile, ImputeDataStep.TrainFeaturesFile, ImputeDataStep.TrainTargetFile],
            _folder.OutputNames());
    }

    [Fact]
    public void A_column_entirely_missing_in_train_is_named()
    {
        var (train, test) = WriteInputs([Header, "2,87,,1,3,1,1,1,0,0,0,1,0,2010,0", "2,87,,1,3,1,1,1,0,0,0,1,0,2011,0"]);

        Run(train, test).FailedWithNoOutput(_folder, train, "'price'", "missing in every row");
    }

    [Fact]
    public void A_non_numeric_price_names_file_row_and_column()
    {
        var (train, test) = WriteInputs([Header, "2,87,10,1,3,1,1,1,0,0,0,1,0,2010,0"], [Header, "2,87,cheap,1,3,1,1,1,0,0,0,1,0,2010,0"]);

        Run(train, test).FailedWithNoOutput(_folder, test, "row 1", "'price'", "cheap");
    }

    [Fact]
    public void A_missing_required_column_is_named()
    {
        var (train, test) = WriteInputs([Header.Replace(",is_blend", "", StringComparison.Ordinal), "2,87,10,1,3,1,1,1,0,0,0,1,0,2010"]);

        Run(train, test).FailedWithNoOutput(_folder, train, "'is_blend'");
    }

    private (string Train, string Test) WriteInputs(string[] train, string[]? test = null) =>
        (_folder.Write("train.csv", train), _folder.Write("test.csv", test ?? train));

    private StepRun Run(string train, string test) =>
        StepRun.Of<TrainTestStepOptions>("impute_data", ImputeDataStep.Run,
            "--in-train-csv", train, "--in-test-csv", test, "--out-dir", _folder.OutDir, "--flag", Flag);
}
