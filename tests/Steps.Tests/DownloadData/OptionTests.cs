using WinePipeline.Steps.DownloadData;
using WinePipeline.Steps.Tests.DataSteps;

namespace WinePipeline.Steps.Tests.DownloadData;

public sealed class OptionTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_name_ending_in_csv_is_a_usage_error_giving_the_name_to_use()
    {
        var run = StepRun.Of<DownloadOptions>("download_data", DownloadStep.Run,
            "--name", "wine_dataset.csv", "--url", Download.SampleUrl(10, 1), "--out-dir", _folder.OutDir);

        run.FailedWithUsageError(_folder, "wine_dataset.csv", "must not end in .csv", "--name wine_dataset");
    }

    [Fact]
    public void A_name_with_a_folder_is_a_usage_error()
    {
        var run = StepRun.Of<DownloadOptions>("download_data", DownloadStep.Run,
            "--name", "../escape", "--url", Download.SampleUrl(10, 1), "--out-dir", _folder.OutDir);

        run.FailedWithUsageError(_folder, "../escape", "plain file name");
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

        run.FailedWithUsageError(_folder, "download_data: error: Required option 'url' is missing", "(--help lists the options)");
    }

    [Theory]
    [InlineData("--timeout-seconds")]
    [InlineData("--max-seconds")]
    [InlineData("--max-size-mb")]
    public void A_limit_below_1_is_a_usage_error(string option)
    {
        Download.Run(_folder, Download.SampleUrl(10, 1), option, "0")
            .FailedWithUsageError(_folder, $"{option} must be at least 1, got 0");
    }
}
