using System.Diagnostics;
using WinePipeline.Steps.Tests.DataSteps;
using WinePipeline.Steps.Tests.DownloadData;

namespace WinePipeline.Steps.Tests.Attacks;

/// <summary>download_data pointed at local things that are not a data file, or too big a one.</summary>
public sealed class LocalSourceAttackTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("/dev/zero", "a character device")]
    [InlineData("file:///dev/zero", "a character device")]
    [InlineData("/tmp", "a directory")]
    public void A_source_that_is_not_a_regular_file_is_refused(string url, string kind)
    {
        var run = Download.Run(_folder, url);

        run.FailedWithNoOutput(_folder);
        Assert.Equal($"download_data: error: {url}: {kind}, not a regular file; only regular files are read", run.ErrorLine());
    }

    [Fact]
    public void A_fifo_is_refused_without_blocking()
    {
        var fifo = _folder.PathOf("pipe.csv");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
        }

        Download.Run(_folder, fifo).FailedWithNoOutput(_folder, $"{fifo}: a FIFO, not a regular file");
    }

    [Fact]
    public void A_link_to_dev_zero_is_refused()
    {
        var link = _folder.PathOf("wine.csv");
        File.CreateSymbolicLink(link, "/dev/zero");

        Download.Run(_folder, link).FailedWithNoOutput(_folder, $"{link}: a character device, not a regular file");
    }

    [Fact]
    public void A_file_over_the_size_cap_is_stopped()
    {
        var big = _folder.PathOf("big.csv");
        File.WriteAllBytes(big, new byte[(2 * 1024 * 1024) + 1]);

        Download.Run(_folder, big, "--max-size-mb", "2").FailedWithNoOutput(_folder, $"{big}: larger than --max-size-mb 2 (2,097,152 bytes)");
    }

    [Fact]
    public void A_sample_over_the_size_cap_is_stopped()
    {
        var url = Download.SampleUrl(100_000, 1);

        Download.Run(_folder, url, "--max-size-mb", "1").FailedWithNoOutput(_folder, $"{url}: larger than --max-size-mb 1");
    }
}
