using System.Text;
using WinePipeline.StepKit;
using WinePipeline.StepKit.Options;
using WinePipeline.Steps.CleanData;
using WinePipeline.Steps.MakeDataset;
using WinePipeline.Steps.Tests.DataSteps;

namespace WinePipeline.Steps.Tests.Attacks;

/// <summary>Degenerate raw files fed to make_dataset, the first step that reads values: each is
/// refused with one exact line naming file, row and column, exit 1, and nothing in the out-dir.</summary>
public sealed class RawDataAttackTests : IDisposable
{
    private const string Flag = ".SUCCESS_MakeDatasets";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(WineColumns.Points, "1000", "an integer from 80 to 100")]
    [InlineData(WineColumns.Points, "-90", "an integer from 80 to 100")]
    [InlineData(WineColumns.Points, "87.5", "an integer from 80 to 100")]
    [InlineData(WineColumns.Price, "-12", "a number above 0 and at most 100000")]
    [InlineData(WineColumns.Price, "0", "a number above 0 and at most 100000")]
    [InlineData(WineColumns.Price, "1e308", "a number above 0 and at most 100000")]
    public void A_value_out_of_range_is_refused_naming_file_row_and_column(string column, string value, string expected)
    {
        var raw = WriteRawWith(column, value);

        var run = Split(raw);

        run.FailedWithNoOutput(_folder);
        Assert.Equal($"make_dataset: error: {raw}: row 13 (line 14), column '{column}': {value} is out of range (expected {expected})", run.ErrorLine());
    }

    [Theory]
    [InlineData(WineColumns.Price, "NaN")]
    [InlineData(WineColumns.Price, "Infinity")]
    [InlineData(WineColumns.Points, "-Infinity")]
    [InlineData(WineColumns.Price, "1e400")]
    public void A_non_finite_number_is_refused(string column, string value)
    {
        var raw = WriteRawWith(column, value);

        var run = Split(raw);

        run.FailedWithNoOutput(_folder);
        Assert.Equal($"make_dataset: error: {raw}: row 13 (line 14), column '{column}': '{value}' is not a finite number", run.ErrorLine());
    }

    [Fact]
    public void Reordered_columns_give_the_same_split_and_duplicates_are_still_found()
    {
        // Rows 20 and 21 repeat rows 10 and 11 under new index values, as in the real data.
        var rows = Enumerable.Range(0, 30)
            .Select(i => i is 20 or 21 ? i - 10 : i)
            .Select((key, i) => RawWine.Fields(i, (WineColumns.Title, $"Wine {key}"), (WineColumns.Description, $"Notes {key}")))
            .ToArray();
        int[] order = [13, 4, 0, 7, 1, 12, 2, 9, 3, 11, 5, 10, 6, 8];
        string[] header = ["", .. WineColumns.Raw];
        var canonical = _folder.Write("canonical.csv", [Csv.Line(header), .. rows.Select(Csv.Line)]);
        var shuffled = _folder.Write("shuffled.csv", [Csv.Line(order.Select(i => header[i])), .. rows.Select(r => Csv.Line(order.Select(i => r[i])))]);
        using var other = new TempFolder();

        Split(canonical).Succeeded();
        StepRun.Of<MakeDatasetOptions>("make_dataset", MakeDatasetStep.Run, "--in-csv", shuffled, "--out-dir", other.OutDir, "--min-rows", "10").Succeeded();

        Assert.Equal(File.ReadAllBytes(_folder.Output(MakeDatasetStep.TrainFile)), File.ReadAllBytes(other.Output(MakeDatasetStep.TrainFile)));
        Assert.Equal(File.ReadAllBytes(_folder.Output(MakeDatasetStep.TestFile)), File.ReadAllBytes(other.Output(MakeDatasetStep.TestFile)));
        Assert.Equal(WineColumns.Raw, other.ReadOutput(MakeDatasetStep.TrainFile).Header);
        var cleaned = StepRun.Of<TrainTestStepOptions>("clean_data", CleanDataStep.Run, "--in-train-csv", other.Output(MakeDatasetStep.TrainFile),
            "--in-test-csv", other.Output(MakeDatasetStep.TestFile), "--out-dir", other.OutDir).Succeeded();
        Assert.Contains("read 27 rows, wrote 25", cleaned.Out);
    }

    [Fact]
    public void A_column_named_twice_is_refused()
    {
        var raw = _folder.Write("wine_dataset.csv", [RawWine.Header() + ",price", .. RawWine.File(12).Skip(1).Select(l => l + ",9")]);

        var run = Split(raw);

        run.FailedWithNoOutput(_folder);
        Assert.Equal($"make_dataset: error: {raw}: column 'price' appears twice in the header (columns 6 and 15)", run.ErrorLine());
    }

    [Fact]
    public void An_unknown_column_is_refused_because_it_would_defeat_duplicate_removal()
    {
        var raw = _folder.Write("wine_dataset.csv", [RawWine.Header() + ",id", .. RawWine.File(12).Skip(1).Select((l, i) => $"{l},{i}")]);

        var run = Split(raw);

        run.FailedWithNoOutput(_folder);
        Assert.Equal(
            $"make_dataset: error: {raw}: unexpected column 'id' (column 15); the raw file holds an index column named '' or 'Unnamed: 0' and {string.Join(", ", WineColumns.Raw)}",
            run.ErrorLine());
    }

    [Fact]
    public void A_missing_column_is_named_with_the_columns_found()
    {
        var raw = _folder.Write("wine_dataset.csv", ",country,points", "0,Italy,87");

        var run = Split(raw);

        run.FailedWithNoOutput(_folder);
        Assert.Equal($"make_dataset: error: {raw}: required column 'description' is missing (columns: '', 'country', 'points')", run.ErrorLine());
    }

    [Fact]
    public void A_ragged_row_is_refused()
    {
        var raw = _folder.Write("wine_dataset.csv", [.. RawWine.File(12), "12,Italy,short"]);

        var run = Split(raw);

        run.FailedWithNoOutput(_folder);
        Assert.Equal($"make_dataset: error: {raw}: row 13 (line 14) has 3 fields, expected 14", run.ErrorLine());
    }

    [Fact]
    public void A_byte_that_is_not_utf8_is_refused_naming_its_line()
    {
        var raw = _folder.PathOf("wine_dataset.csv");
        var lines = RawWine.File(12).Select(l => Encoding.UTF8.GetBytes(l + "\n")).ToList();
        lines[8] = [.. lines[8][..20], 0xE9, .. lines[8][20..]];
        File.WriteAllBytes(raw, [.. lines.SelectMany(l => l)]);

        var run = Split(raw);

        run.FailedWithNoOutput(_folder);
        Assert.Equal($"make_dataset: error: {raw}: line 9 is not UTF-8 text", run.ErrorLine());
    }

    [Fact]
    public void A_byte_order_mark_and_crlf_line_ends_give_the_same_split()
    {
        var lines = RawWine.File(12);
        var plain = _folder.Write("plain.csv", lines);
        var windows = _folder.PathOf("windows.csv");
        File.WriteAllBytes(windows, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n")]);
        using var other = new TempFolder();

        Split(plain).Succeeded();
        StepRun.Of<MakeDatasetOptions>("make_dataset", MakeDatasetStep.Run, "--in-csv", windows, "--out-dir", other.OutDir, "--min-rows", "10").Succeeded();

        Assert.Equal(File.ReadAllBytes(_folder.Output(MakeDatasetStep.TrainFile)), File.ReadAllBytes(other.Output(MakeDatasetStep.TrainFile)));
    }

    [Fact]
    public void Fewer_rows_than_the_default_minimum_are_refused()
    {
        var raw = _folder.Write("wine_dataset.csv", RawWine.File(299));

        var run = StepRun.Of<MakeDatasetOptions>("make_dataset", MakeDatasetStep.Run, "--in-csv", raw, "--out-dir", _folder.OutDir, "--flag", Flag);

        run.FailedWithNoOutput(_folder);
        Assert.Equal($"make_dataset: error: {raw}: too small for a test split: 299 data rows, at least 300 needed (--min-rows)", run.ErrorLine());
    }

    [Fact]
    public void A_minimum_too_small_to_split_is_a_usage_error()
    {
        var raw = _folder.Write("wine_dataset.csv", RawWine.File(12));

        StepRun.Of<MakeDatasetOptions>("make_dataset", MakeDatasetStep.Run, "--in-csv", raw, "--out-dir", _folder.OutDir, "--min-rows", "9")
            .FailedWithUsageError(_folder, "make_dataset: error: --min-rows must be at least 10, got 9 (--help lists the options)");
    }

    private string WriteRawWith(string column, string value) =>
        _folder.Write("wine_dataset.csv", [.. RawWine.File(12), RawWine.Row(12, (column, value))]);

    private StepRun Split(string raw) =>
        StepRun.Of<MakeDatasetOptions>("make_dataset", MakeDatasetStep.Run,
            "--in-csv", raw, "--out-dir", _folder.OutDir, "--flag", Flag, "--min-rows", "10");
}
