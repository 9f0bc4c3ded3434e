using WinePipeline.Steps.DownloadData;
using WinePipeline.Steps.Tests.DataSteps;

namespace WinePipeline.Steps.Tests.DownloadData;

public sealed class OptionTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_name_ending_in_csv_is_refused_with_the_name_to_use()
    {
        var run = StepRun.Of<DownloadOptions>("download_data", DownloadStep.Run,
            "--name", "wine_dataset.csv", "--url", Download.SampleUrl(10, 1), "--out-dir", _folder.OutDir);

        run.FailedWithNoOutput(_folder, "wine_dataset.csv", "must not end in .csv", "--name wine_dataset");
    }

    [Fact]
    public void A_name_with_a_folder_is_refused()
    {
        var run = StepRun.Of<DownloadOptions>("download_data", DownloadStep.Run,
            "--name", "../escape", "--url", Download.SampleUrl(10, 1), "--out-dir", _folder.OutDir);

        run.FailedWithNoOutput(_folder, "../escape", "plain file name");
    }

    [Theory]
    [InlineData("ftp://example.org/wine.csv", "unsupported URL scheme 'ftp'")]
    [InlineData("sample://beer-reviews?rows=10", "unknown sample data set 'beer-reviews'")]
    [InlineData("sample://wine-reviews?rows=-5", "'rows' must be a positive integer")]
    [InlineData("sample://wine-reviews?rows=10&colour=red", "unknown parameter 'colour'")]
    public void An_unusable_url_fails_naming_it(string url, string reason)
    {
        Download.Run(_folder, url).FailedWithNoOutput(_folder, url, reason);
    }

    [Fact]
    public void A_missing_url_option_is_a_usage_error()
    {
        var run = StepRun.Of<DownloadOptions>("download_data", DownloadStep.Run, "--name", "wine_dataset", "--out-dir", _folder.OutDir);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("url", run.Error);
        Assert.Empty(_folder.OutputNames());
    }

    [Fact]
    public void A_non_positive_timeout_is_refused()
    {
        Download.Run(_folder, Download.SampleUrl(10, 1), "--timeout-seconds", "0")
            .FailedWithNoOutput(_folder, "--timeout-seconds must be positive");
    }
}
