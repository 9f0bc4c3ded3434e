using WinePipeline.StepKit;
using WinePipeline.StepKit.Options;
using WinePipeline.Steps.ExtractFeatures;
using WinePipeline.Steps.Tests.DataSteps;

namespace WinePipeline.Steps.Tests.ExtractFeatures;

public sealed class ExtractFeaturesStepTests : IDisposable
{
    private const string Flag = ".SUCCESS_ExtractFeatures";
    private const string Header = "country,description,points,title,variety";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Description_and_title_are_replaced_by_the_eight_features_in_order()
    {
        var (train, test) = WriteInputs(
        [
            Header,
            "Italy,\"Dry, sparkling Rosé with red-fruited notes.\",87,Nicosia 2013 Brut,Xarel-lo",
            "France,,90,Domaine 1000 Stories,Red Blend",
            "Spain,SWEET white,85,,",
        ]);

        Run(train, test).Succeeded();

        var (header, rows) = _folder.ReadOutput(ExtractFeaturesStep.TrainFile);
        Assert.Equal(
            ["country", "points", "variety", "is_red", "is_white", "is_rose", "is_sparkling", "is_dry", "is_sweet", "year", "is_blend"],
            header);
        Assert.Equal<IEnumerable<string?>>(["Italy", "87", "Xarel-lo", "1", "0", "1", "1", "1", "0", "2013", "0"], rows[0]);
        Assert.Equal<IEnumerable<string?>>(["France", "90", "Red Blend", "0", "0", "0", "0", "0", "0", "0", "1"], rows[1]);
        Assert.Equal<IEnumerable<string?>>(["Spain", "85", null, "0", "1", "0", "0", "0", "1", null, "0"], rows[2]);
        Assert.Equal([Flag, ExtractFeaturesStep.TestFile, ExtractFeaturesStep.TrainFile], _folder.OutputNames());
    }

    [Fact]
    public void A_year_after_the_current_year_is_0()
    {
        var (train, test) = WriteInputs([Header, "Italy,Red,87,Futuro 2025 Rosso,Sangiovese", "Italy,Red,87,Ora 2024 Rosso,Sangiovese"]);

        Run(train, test).Succeeded();

        Assert.Equal(["0", "2024"], _folder.ReadColumn(ExtractFeaturesStep.TestFile, WineColumns.Year));
    }

    [Fact]
    public void A_missing_required_column_is_named()
    {
        var (train, test) = WriteInputs([Header], ["country,points,title,variety", "Italy,87,T,V"]);

        Run(train, test).FailedWithNoOutput(_folder, test, "'description'");
    }

    private (string Train, string Test) WriteInputs(string[] train, string[]? test = null) =>
        (_folder.Write("train.csv", train), _folder.Write("test.csv", test ?? train));

    private StepRun Run(string train, string test) =>
        StepRun.Of<TrainTestStepOptions>("extract_features", ExtractFeaturesStep.Run, StepRun.In2024,
            "--in-train-csv", train, "--in-test-csv", test, "--out-dir", _folder.OutDir, "--flag", Flag);
}
