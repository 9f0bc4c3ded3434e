using WinePipeline.StepKit;
using WinePipeline.StepKit.Options;
using WinePipeline.Steps.CleanData;
using WinePipeline.Steps.Tests.DataSteps;

namespace WinePipeline.Steps.Tests.CleanData;

public sealed class CleanDataStepTests : IDisposable
{
    private const string Flag = ".SUCCESS_CleanData";
    private const string Header = "country,designation,points,price,region_2,taster_twitter_handle,title,winery";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_four_unused_columns_are_dropped()
    {
        var (train, test) = WriteInputs([Header, "Italy,Vulkà,87,15,Sicily,@kerin,\"Nicosia 2013, Etna\",Nicosia"]);

        Run(train, test).Succeeded();

        var (header, rows) = _folder.ReadOutput(CleanDataStep.TrainFile);
        Assert.Equal(["country", "points", "price", "title"], header);
        Assert.Equal<IEnumerable<string?>>(["Italy", "87", "15", "Nicosia 2013, Etna"], rows.Single());
        Assert.Equal([Flag, CleanDataStep.TestFile, CleanDataStep.TrainFile], _folder.OutputNames());
    }

    [Fact]
    public void Rows_that_differ_only_in_a_dropped_column_are_duplicates_and_the_first_is_kept()
    {
        var (train, test) = WriteInputs(
        [
            Header,
            "Italy,A,87,15,,,First,W1",
            "France,A,90,20,,,Other,W1",
            "Italy,B,87,15,X,@y,First,W2",
            "Italy,A,87,,,,First,W1",
        ]);

        var run = Run(train, test).Succeeded();

        Assert.Equal(["Italy", "France", "Italy"], _folder.ReadColumn(CleanDataStep.TrainFile, WineColumns.Country));
        Assert.Equal(["15", "20", null], _folder.ReadColumn(CleanDataStep.TrainFile, WineColumns.Price));
        Assert.Contains("read 4 rows, wrote 3", run.Out);
    }

    [Fact]
    public void Rows_without_points_are_dropped()
    {
        var (train, test) = WriteInputs([Header, "Italy,,87,,,,T1,", "Spain,,,12,,,T2,", "Chile,,88,,,,T3,"]);

        Run(train, test).Succeeded();

        Assert.Equal(["Italy", "Chile"], _folder.ReadColumn(CleanDataStep.TrainFile, WineColumns.Country));
    }

    [Fact]
    public void Train_and_test_are_deduplicated_separately()
    {
        string[] lines = [Header, "Italy,,87,,,,T1,"];
        var (train, test) = WriteInputs(lines, lines);

        Run(train, test).Succeeded();

        Assert.Single(_folder.ReadOutput(CleanDataStep.TrainFile).Rows);
        Assert.Single(_folder.ReadOutput(CleanDataStep.TestFile).Rows);
    }

    [Fact]
    public void Fingerprints_keep_field_boundaries_and_missing_apart()
    {
        var fingerprint = new RowFingerprint();

        Assert.NotEqual(fingerprint.Of(["ab", "c"]), fingerprint.Of(["a", "bc"]));
        Assert.NotEqual(fingerprint.Of(["a", null]), fingerprint.Of([null, "a"]));
        Assert.NotEqual(fingerprint.Of(["a\u0001b"]), fingerprint.Of(["a", "b"]));
        Assert.Equal(fingerprint.Of(["Rosé", null]), fingerprint.Of(["Rosé", null]));
    }

    [Fact]
    public void A_non_numeric_points_names_file_row_and_column()
    {
        var (train, test) = WriteInputs([Header, "Italy,,87,,,,T1,"], [Header, "Italy,,87,,,,T1,", "Spain,,n/a,,,,T2,"]);

        Run(train, test).FailedWithNoOutput(_folder, test, "row 2", "'points'", "n/a");
    }

    [Fact]
    public void A_missing_required_column_is_named()
    {
        var (train, test) = WriteInputs(["country,designation,points,price,region_2,title,winery", "Italy,,87,,,T1,"]);

        Run(train, test).FailedWithNoOutput(_folder, train, "'taster_twitter_handle'");
    }

    [Fact]
    public void A_file_with_an_index_column_is_refused_since_no_row_would_repeat_another()
    {
        var (train, test) = WriteInputs(["Unnamed: 0," + Header, "0,Italy,,87,,,,T1,", "1,Italy,,87,,,,T1,"]);

        Run(train, test).FailedWithNoOutput(_folder, train, "has an index column", "make_dataset removes it");
    }

    private (string Train, string Test) WriteInputs(string[] train, string[]? test = null) =>
        (_folder.Write("train.csv", train), _folder.Write("test.csv", test ?? train));

    private StepRun Run(string train, string test) =>
        StepRun.Of<TrainTestStepOptions>("clean_data", CleanDataStep.Run,
            "--in-train-csv", train, "--in-test-csv", test, "--out-dir", _folder.OutDir, "--flag", Flag);
}
