using WinePipeline.Steps.Tests.DataSteps;

namespace WinePipeline.Steps.Tests.DownloadData;

public sealed class LocalFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_plain_path_is_copied_byte_for_byte()
    {
        var source = _folder.Write("source.csv", RawWine.Header(), RawWine.Row(0), RawWine.Row(1));

        Download.Run(_folder, source).Succeeded();

        Assert.Equal(File.ReadAllBytes(source), File.ReadAllBytes(_folder.Output(Download.OutputName)));
        Assert.Equal([Download.OutputName], _folder.OutputNames());
    }

    [Fact]
    public void A_file_url_is_copied_byte_for_byte()
    {
        var source = _folder.Write("source.csv", RawWine.Header(), RawWine.Row(0));

        Download.Run(_folder, new Uri(source).AbsoluteUri).Succeeded();

        Assert.Equal(File.ReadAllBytes(source), File.ReadAllBytes(_folder.Output(Download.OutputName)));
    }

    [Fact]
    public void A_rerun_replaces_the_previous_output()
    {
        var first = _folder.Write("first.csv", RawWine.Header(), RawWine.Row(0));
        var second = _folder.Write("second.csv", RawWine.Header(), RawWine.Row(0), RawWine.Row(1));

        Download.Run(_folder, first).Succeeded();
        Download.Run(_folder, second).Succeeded();

        Assert.Equal(File.ReadAllBytes(second), File.ReadAllBytes(_folder.Output(Download.OutputName)));
        Assert.Equal([Download.OutputName], _folder.OutputNames());
    }

    [Fact]
    public void A_missing_file_fails_naming_it_and_leaves_nothing()
    {
        var missing = _folder.PathOf("nowhere.csv");

        Download.Run(_folder, missing).FailedWithNoOutput(_folder, missing, "not found");
    }

    [Fact]
    public void A_missing_file_url_fails_naming_the_url()
    {
        var url = new Uri(_folder.PathOf("nowhere.csv")).AbsoluteUri;

        Download.Run(_folder, url).FailedWithNoOutput(_folder, url, "not found");
    }

    [Fact]
    public void A_csv_lacking_raw_columns_fails_naming_the_source_and_the_columns()
    {
        var source = _folder.Write("other.csv", "id,points,price", "1,90,12.0");

        Download.Run(_folder, source).FailedWithNoOutput(_folder, source, "missing column(s)", "country", "description", "title");
    }

    [Fact]
    public void An_empty_file_fails_as_not_a_csv()
    {
        var source = _folder.Write("empty.csv");

        Download.Run(_folder, source).FailedWithNoOutput(_folder, source, "not a CSV");
    }
}
