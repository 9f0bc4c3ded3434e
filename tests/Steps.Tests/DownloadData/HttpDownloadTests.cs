using System.Diagnostics;
using System.Net;
using System.Text;
using WinePipeline.Steps.Tests.DataSteps;

namespace WinePipeline.Steps.Tests.DownloadData;

public sealed class HttpDownloadTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly LocalHttpServer _server = new();

    public void Dispose()
    {
        _server.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void A_csv_served_over_http_is_saved_byte_for_byte()
    {
        var body = Encoding.UTF8.GetBytes(string.Join('\n', RawWine.Header(), RawWine.Row(0), RawWine.Row(1)) + "\n");
        var url = _server.Serve("/wine.csv", body);

        var run = Download.Run(_folder, url).Succeeded();

        Assert.Equal(body, File.ReadAllBytes(_folder.Output(Download.OutputName)));
        Assert.Equal([Download.OutputName], _folder.OutputNames());
        Assert.Contains($"downloaded {body.Length:N0} of {body.Length:N0} bytes (100%) from {url}", run.Out);
    }

    [Fact]
    public void A_404_fails_naming_the_url_and_the_status()
    {
        var url = _server.Status("/gone.csv", HttpStatusCode.NotFound);

        Download.Run(_folder, url).FailedWithNoOutput(_folder, url, "HTTP 404");
    }

    [Fact]
    public void A_server_that_stalls_past_the_timeout_fails_naming_the_url()
    {
        var url = _server.Stall("/slow.csv");
        var clock = Stopwatch.StartNew();

        var run = Download.Run(_folder, url, "--timeout-seconds", "1");

        run.FailedWithNoOutput(_folder, url, "less than 1,024 bytes from the server in 1 seconds (--timeout-seconds)");
        Assert.InRange(clock.Elapsed.TotalSeconds, 0.9, 10);
    }

    [Fact]
    public void A_refused_connection_fails_naming_the_url()
    {
        var url = $"{_server.BaseUrl}/wine.csv";
        _server.Dispose();

        Download.Run(_folder, url).FailedWithNoOutput(_folder, url, "cannot connect");
    }

    [Fact]
    public void An_html_page_instead_of_the_csv_fails_naming_the_url()
    {
        var url = _server.Serve("/index.html", Encoding.UTF8.GetBytes("<html><body>Sign in to download</body></html>\n"));

        Download.Run(_folder, url).FailedWithNoOutput(_folder, url, "not the wine-reviews CSV");
    }
}
