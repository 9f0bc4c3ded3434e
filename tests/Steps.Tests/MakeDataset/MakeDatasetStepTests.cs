using WinePipeline.StepKit;
using WinePipeline.Steps.MakeDataset;
using WinePipeline.Steps.Tests.DataSteps;

namespace WinePipeline.Steps.Tests.MakeDataset;

public sealed class MakeDatasetStepTests : IDisposable
{
    private const string Flag = ".SUCCESS_MakeDatasets";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Twenty_five_rows_split_into_first_2_for_test_and_last_23_for_train_without_the_index()
    {
        var raw = _folder.Write("wine_dataset.csv", RawWine.File(25));

        var run = Run(raw).Succeeded();

        var (testHeader, testRows) = _folder.ReadOutput(MakeDatasetStep.TestFile);
        var (trainHeader, trainRows) = _folder.ReadOutput(MakeDatasetStep.TrainFile);
        Assert.Equal(WineColumns.Raw, testHeader);
        Assert.Equal(WineColumns.Raw, trainHeader);
        Assert.Equal(2, testRows.Count);
        Assert.Equal(23, trainRows.Count);
        Assert.EndsWith("#0 (Etna)", _folder.ReadColumn(MakeDatasetStep.TestFile, WineColumns.Title)[0]);
        Assert.EndsWith("#2 (Etna)", _folder.ReadColumn(MakeDatasetStep.TrainFile, WineColumns.Title)[0]);
        Assert.Equal([Flag, MakeDatasetStep.TestFile, MakeDatasetStep.TrainFile], _folder.OutputNames());
        Assert.Contains("2 test rows, 23 train rows", run.Out);
    }

    [Fact]
    public void An_index_column_named_Unnamed_0_is_dropped_too()
    {
        var raw = _folder.Write("wine_dataset.csv", [RawWine.Header("Unnamed: 0"), .. RawWine.File(10).Skip(1)]);

        Run(raw).Succeeded();

        Assert.Equal(WineColumns.Raw, _folder.ReadOutput(MakeDatasetStep.TrainFile).Header);
    }

    [Fact]
    public void Text_with_commas_quotes_and_accents_and_missing_fields_are_kept_and_numbers_written_canonically()
    {
        var raw = _folder.Write("wine_dataset.csv",
        [
            RawWine.Header(),
            RawWine.Row(0, (WineColumns.Description, "Rosé, \"crisp\" – Grüner"), (WineColumns.Price, "20.0"), (WineColumns.Region1, null)),
            .. RawWine.File(10).Skip(2),
        ]);

        Run(raw).Succeeded();

        var (header, rows) = _folder.ReadOutput(MakeDatasetStep.TestFile);
        var row = rows.Single();
        Assert.Equal("Rosé, \"crisp\" – Grüner", row[header.ToList().IndexOf(WineColumns.Description)]);
        Assert.Equal("20", row[header.ToList().IndexOf(WineColumns.Price)]);
        Assert.Null(row[header.ToList().IndexOf(WineColumns.Region1)]);
    }

    [Fact]
    public void Nine_rows_are_too_small_for_a_test_split()
    {
        var raw = _folder.Write("wine_dataset.csv", RawWine.File(9));

        Run(raw).FailedWithNoOutput(_folder, raw, "too small for a test split", "9 data rows, at least 10 needed (--min-rows)");
    }

    [Theory]
    [InlineData(WineColumns.Points, "eighty")]
    [InlineData(WineColumns.Price, "$15")]
    public void A_non_numeric_points_or_price_names_file_row_and_column(string column, string value)
    {
        var raw = _folder.Write("wine_dataset.csv", [.. RawWine.File(12), RawWine.Row(12, (column, value))]);

        Run(raw).FailedWithNoOutput(_folder, raw, "row 13", $"'{column}'", value);
    }

    [Fact]
    public void A_missing_required_column_is_named()
    {
        var raw = _folder.Write("wine_dataset.csv", ",country,description,points", "0,Italy,Fine,87");

        Run(raw).FailedWithNoOutput(_folder, raw, "'designation'");
    }

    [Fact]
    public void An_empty_file_is_refused() =>
        Run(_folder.Write("wine_dataset.csv")).FailedWithNoOutput(_folder, _folder.PathOf("wine_dataset.csv"), "empty");

    [Fact]
    public void A_header_only_file_is_refused() =>
        Run(_folder.Write("wine_dataset.csv", RawWine.Header())).FailedWithNoOutput(_folder, _folder.PathOf("wine_dataset.csv"), "no rows");

    [Fact]
    public void A_missing_input_file_is_refused() =>
        Run(_folder.PathOf("absent.csv")).FailedWithNoOutput(_folder, _folder.PathOf("absent.csv"), "not found");

    // These files are small: the smallest minimum that still splits.
    private StepRun Run(string rawPath) =>
        StepRun.Of<MakeDatasetOptions>("make_dataset", MakeDatasetStep.Run,
            "--in-csv", rawPath, "--out-dir", _folder.OutDir, "--flag", Flag, "--min-rows", "10");
}
