using System.Text.RegularExpressions;

namespace Orchestrator.Tests.Server;

/// <summary>
/// The page in a real headless Chromium, at 800 and 1400 px wide. Screenshots are kept as test
/// artifacts: bin/&lt;Configuration&gt;/net10.0/artifacts/ui-*.png under this test project.
/// </summary>
public sealed class BrowserTests
{
    public static readonly string ArtifactDirectory = Path.Combine(AppContext.BaseDirectory, "artifacts");

    [Theory]
    [Trait("Category", "Browser")]
    [InlineData(1400)]
    [InlineData(800)]
    public async Task The_page_draws_the_graph_and_follows_the_running_task_in_the_side_panel_while_a_run_is_going(int width)
    {
        var release = new TaskCompletionSource();
        await using var server = await ServerHarness.StartAsync(hold: release.Task);
        await server.CompleteAsync("Download");
        await server.PostRunAsync();
        await server.WaitForAsync("/api/graph", json => ServerHarness.StateOf(json, "Train") == "Running");

        var dom = await HeadlessChromium.DumpDomAsync(server.Url, width);
        var png = await ScreenshotAsync(server.Url, $"ui-run-going-{width}.png", width);
        release.SetResult();

        Assert.Contains("""<g class="node Complete" data-id="Download" """, dom);
        Assert.Matches("""<g class="node Running( selected)?" data-id="Train" """, dom);
        Assert.Contains("""<g class="node Pending" data-id="EvaluateModel" """, dom);
        Assert.Matches("""<path class="arrows" d="M[^"]+Z[^"]*M[^"]+Z""", dom);
        Assert.Contains("""<span class="badge Running">Running</span>""", dom);
        Assert.Contains("""<p class="reason">started</p>""", dom);
        Assert.Contains("""<li><span class="swatch NotRun"></span>NotRun</li>""", dom);
        Assert.Matches("data-first-render-ms=\"\\d+\"", dom);
        AssertFits(dom, width);
        Assert.True(png.Length > 10_000, $"the screenshot is only {png.Length} bytes");
    }

    [Theory]
    [Trait("Category", "Browser")]
    [InlineData(1400)]
    [InlineData(800)]
    public async Task A_run_url_shows_its_figures_a_timeline_of_its_attempts_every_plot_and_durations_on_the_boxes(int width)
    {
        await using var server = await ServerHarness.StartAsync(taskDelay: TimeSpan.FromMilliseconds(300));
        var id = await server.RunToEndAsync();
        await server.RunToEndAsync();

        var url = $"{server.Url}/runs/{id}";
        var dom = await HeadlessChromium.DumpDomAsync(url, width, 1600);
        await ScreenshotAsync(url, $"ui-run-view-{width}.png", width, 1600);

        Assert.Equal(3, Regex.Count(dom, """<div class="bar Succeeded" """));
        Assert.All(ServerHarness.Plots, plot => Assert.Contains($"""<img src="/api/runs/{id}/plots/{plot}" alt="{plot}">""", dom));
        Assert.Contains("""<td class="num">100</td>""", dom);
        Assert.Contains("""<td class="num">2.5000</td>""", dom);
        Assert.DoesNotContain("100.0000", dom);
        Assert.Matches("""<text class="meta" x="10" y="32">Succeeded · 0\.\d s</text>""", dom);
        Assert.Contains("""<span class="outcome nothing-to-do">nothing to do</span>""", dom);
        AssertFits(dom, width);
    }

    internal static void AssertFits(string dom, int width)
    {
        Assert.Equal(width.ToString(), BodyData(dom, "viewport-width"));
        Assert.True(BodyData(dom, "page-overflow-px") == "0", $"the page is wider than the {width} px window by {BodyData(dom, "page-overflow-px")} px");
        Assert.True(BodyData(dom, "runs-hidden-px") == "0", $"{BodyData(dom, "runs-hidden-px")} px of the runs table are cut off at {width} px");
    }

    internal static async Task<byte[]> ScreenshotAsync(string url, string name, int width, int height = 900)
    {
        var path = Path.Combine(Directory.CreateDirectory(ArtifactDirectory).FullName, name);
        File.Delete(path);
        await HeadlessChromium.ScreenshotAsync(url, path, width, height);
        var png = await File.ReadAllBytesAsync(path);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], png[..4]);
        return png;
    }

    private static string? BodyData(string dom, string name) =>
        Regex.Match(dom, $"<body[^>]* data-{name}=\"(\\d+)\"") is { Success: true } match ? match.Groups[1].Value : null;
}
