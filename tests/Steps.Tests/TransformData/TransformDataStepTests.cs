using WinePipeline.StepKit;
using WinePipeline.StepKit.Options;
using WinePipeline.Steps.Tests.DataSteps;
using WinePipeline.Steps.TransformData;

namespace WinePipeline.Steps.Tests.TransformData;

public sealed class TransformDataStepTests : IDisposable
{
    private const string Flag = ".SUCCESS_TransformData";
    private const string Header = "country,points,price,province,region_1,taster_name,variety,year";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Categories_are_numbered_in_order_of_first_appearance_in_train_and_other_columns_kept()
    {
        var (train, test) = WriteInputs(
            [Header, "US,87,15,Oregon,Willamette,Paul,Pinot Noir,2013", "France,90,,Rhône,,Roger,Syrah,", "US,88,20,Oregon,Dundee,Paul,Pinot Noir,2014"],
            [Header, "France,85,12,Rhône,Dundee,Paul,Syrah,2015"]);

        Run(train, test).Succeeded();

        var (header, rows) = _folder.ReadOutput(TransformDataStep.TrainFile);
        Assert.Equal(Header.Split(','), header);
        Assert.Equal<IEnumerable<string?>>(["1", "87", "15", "1", "1", "1", "1", "2013"], rows[0]);
        Assert.Equal<IEnumerable<string?>>(["2", "90", null, "2", null, "2", "2", null], rows[1]);
        Assert.Equal<IEnumerable<string?>>(["1", "88", "20", "1", "2", "1", "1", "2014"], rows[2]);
        Assert.Equal<IEnumerable<string?>>(["2", "85", "12", "2", "2", "1", "2", "2015"], _folder.ReadOutput(TransformDataStep.TestFile).Rows.Single());
        Assert.Equal([Flag, TransformDataStep.TestFile, TransformDataStep.TrainFile], _folder.OutputNames());
    }

    [Fact]
    public void A_test_category_never_seen_in_train_is_minus_1_and_missing_stays_missing()
    {
        var (train, test) = WriteInputs(
            [Header, "US,87,15,Oregon,Willamette,Paul,Pinot Noir,2013"],
            [Header, "Chile,87,15,Oregon,,Anna,Carmenère,2013"]);

        Run(train, test).Succeeded();

        var rows = _folder.ReadOutput(TransformDataStep.TestFile).Rows;
        Assert.Equal<IEnumerable<string?>>(["-1", "87", "15", "1", null, "-1", "-1", "2013"], rows.Single());
    }

    [Fact]
    public void A_missing_required_column_is_named()
    {
        var (train, test) = WriteInputs(["country,points,province,region_1,variety", "US,87,Oregon,,Syrah"]);

        Run(train, test).FailedWithNoOutput(_folder, train, "'taster_name'");
    }

    private (string Train, string Test) WriteInputs(string[] train, string[]? test = null) =>
        (_folder.Write("train.csv", train), _folder.Write("test.csv", test ?? train));

    private StepRun Run(string train, string test) =>
        StepRun.Of<TrainTestStepOptions>("transform_data", TransformDataStep.Run,
            "--in-train-csv", train, "--in-test-csv", test, "--out-dir", _folder.OutDir, "--flag", Flag);
}
