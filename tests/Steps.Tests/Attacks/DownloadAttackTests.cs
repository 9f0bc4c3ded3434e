using System.Diagnostics;
using System.Text;
using WinePipeline.Steps.Tests.DataSteps;
using WinePipeline.Steps.Tests.DownloadData;

namespace WinePipeline.Steps.Tests.Attacks;

/// <summary>download_data against hostile HTTP servers: each attack ends in one line, exit 1 and
/// nothing in the out-dir, within the limit it trips.</summary>
[Collection(TimedDownloadCollection.Name)]
public sealed class DownloadAttackTests : IDisposable
{
    private static readonly byte[] WineCsv = Encoding.UTF8.GetBytes(string.Join('\n', RawWine.File(3)) + "\n");

    private readonly TempFolder _folder = new();
    private readonly LocalHttpServer _server = new();

    public void Dispose()
    {
        _server.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void A_redirect_to_a_file_url_is_refused_in_one_line()
    {
        var url = _server.Redirect("/wine.csv", "file:///etc/passwd");

        var run = Download.Run(_folder, url);

        run.FailedWithNoOutput(_folder);
        Assert.Equal($"download_data: error: {url}: the server redirected to file:///etc/passwd; only http and https redirects are followed", run.ErrorLine());
    }

    [Fact]
    public void A_relative_redirect_on_the_same_server_is_followed()
    {
        _server.Serve("/data/wine.csv", WineCsv);
        var url = _server.Redirect("/latest", "/data/wine.csv");

        Download.Run(_folder, url).Succeeded();

        Assert.Equal(WineCsv, File.ReadAllBytes(_folder.Output(Download.OutputName)));
    }

    [Fact]
    public void A_redirect_loop_stops_after_ten_redirects()
    {
        var url = _server.Redirect("/loop", "/loop");

        Download.Run(_folder, url).FailedWithNoOutput(_folder, $"{url}: more than 10 redirects; the last went to {url}");
    }

    [Fact]
    public void An_endless_body_stops_at_the_size_cap()
    {
        var url = _server.Endless("/endless.csv", chunk: 64 * 1024, TimeSpan.Zero);

        var run = Download.Run(_folder, url, "--max-size-mb", "1");

        run.FailedWithNoOutput(_folder);
        Assert.Equal($"download_data: error: {url}: larger than --max-size-mb 1 (1,048,576 bytes); the download was stopped", run.ErrorLine());
    }

    [Fact]
    public void An_announced_length_over_the_cap_is_refused_before_the_body()
    {
        var url = _server.Announce("/huge.csv", 5L * 1024 * 1024 * 1024);
        var clock = Stopwatch.StartNew();

        Download.Run(_folder, url, "--max-size-mb", "1").FailedWithNoOutput(_folder, $"{url}: larger than --max-size-mb 1");
        Assert.InRange(clock.Elapsed.TotalSeconds, 0, 5);
    }

    [Fact]
    public void A_server_dripping_a_byte_at_a_time_trips_the_idle_timeout()
    {
        var url = _server.Endless("/drip.csv", chunk: 1, TimeSpan.FromMilliseconds(50));
        var clock = Stopwatch.StartNew();

        var run = Download.Run(_folder, url, "--timeout-seconds", "1");

        run.FailedWithNoOutput(_folder);
        Assert.Equal($"download_data: error: {url}: less than 1,024 bytes from the server in 1 seconds (--timeout-seconds)", run.ErrorLine());
        Assert.InRange(clock.Elapsed.TotalSeconds, 0.9, 10);
    }

    [Fact]
    public void A_server_steady_enough_for_the_idle_timeout_still_meets_the_deadline()
    {
        // 8 KiB every 50 ms clears the 1 KiB a 2 s idle window asks for many times over, even on a busy machine.
        var url = _server.Endless("/slow.csv", chunk: 8192, TimeSpan.FromMilliseconds(50));
        var clock = Stopwatch.StartNew();

        var run = Download.Run(_folder, url, "--timeout-seconds", "2", "--max-seconds", "3");

        run.FailedWithNoOutput(_folder, $"{url}: not finished after 3 seconds (--max-seconds)");
        Assert.InRange(clock.Elapsed.TotalSeconds, 2.9, 15);
    }

    [Fact]
    public void A_body_that_is_not_utf8_is_refused_naming_the_url_and_the_line()
    {
        var url = _server.Serve("/latin1.csv", [.. WineCsv, .. Encoding.Latin1.GetBytes("3,Château\n")]);

        Download.Run(_folder, url).FailedWithNoOutput(_folder, $"{url}: not a CSV file with a header row (line 5 is not UTF-8 text)");
    }

    [Fact]
    public void Credentials_in_the_url_are_sent_as_basic_auth_and_never_printed()
    {
        var plain = _server.Serve("/private/wine.csv", WineCsv);
        var url = plain.Replace("http://", "http://reader:s3cr%40t@", StringComparison.Ordinal);

        var run = Download.Run(_folder, url).Succeeded();

        Assert.Equal("Basic " + Convert.ToBase64String("reader:s3cr@t"u8), Assert.Single(_server.Authorizations));
        Assert.Contains($"from {plain.Replace("http://", "http://***@", StringComparison.Ordinal)}", run.Out);
        Assert.DoesNotContain("s3cr", run.Out + run.Error);
        Assert.DoesNotContain("reader", run.Out + run.Error);
    }

    [Fact]
    public void Credentials_in_a_failing_url_are_masked_in_the_error()
    {
        var url = $"{_server.BaseUrl}/missing.csv".Replace("http://", "http://reader:s3cret@", StringComparison.Ordinal);

        var run = Download.Run(_folder, url);

        run.FailedWithNoOutput(_folder);
        Assert.Equal($"download_data: error: http://***@{_server.BaseUrl[7..]}/missing.csv: HTTP 404 Not Found", run.ErrorLine());
    }

    [Fact]
    public void Credentials_are_not_forwarded_to_another_origin_on_a_redirect()
    {
        using var other = new LocalHttpServer();
        var target = other.Serve("/wine.csv", WineCsv);
        var url = _server.Redirect("/moved.csv", target).Replace("http://", "http://reader:s3cret@", StringComparison.Ordinal);

        Download.Run(_folder, url).Succeeded();

        Assert.NotNull(Assert.Single(_server.Authorizations));
        Assert.Null(Assert.Single(other.Authorizations));
    }
}
