namespace Orchestrator.Tests.Server;

/// <summary>
/// The page in a real headless Chromium while a run is going. The screenshot is kept as a test
/// artifact: bin/&lt;Configuration&gt;/net10.0/artifacts/ui-run-going.png under this test project.
/// </summary>
public sealed class BrowserTests
{
    public static readonly string ArtifactDirectory = Path.Combine(AppContext.BaseDirectory, "artifacts");

    [Fact]
    [Trait("Category", "Browser")]
    public async Task The_page_draws_the_graph_with_the_running_task_marked_while_a_run_is_going()
    {
        var release = new TaskCompletionSource();
        await using var server = await ServerHarness.StartAsync(hold: release.Task);
        await server.CompleteAsync("Download");
        await server.Client.PostAsync("/api/runs", null);
        await server.WaitForAsync("/api/graph", json => ServerHarness.StateOf(json, "Train") == "running");
        var screenshot = Path.Combine(Directory.CreateDirectory(ArtifactDirectory).FullName, "ui-run-going.png");
        File.Delete(screenshot);

        var dom = await HeadlessChromium.DumpDomAsync(server.Url);
        await HeadlessChromium.ScreenshotAsync(server.Url, screenshot);
        release.SetResult();

        Assert.Contains("""<g class="node complete" data-id="Download" """, dom);
        Assert.Matches("""<g class="node running( selected)?" data-id="Train" """, dom);
        Assert.Contains("""<g class="node pending" data-id="EvaluateModel" """, dom);
        Assert.Matches("data-first-render-ms=\"\\d+\"", dom);
        var png = await File.ReadAllBytesAsync(screenshot);
        Assert.True(png.Length > 10_000, $"the screenshot is only {png.Length} bytes");
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], png[..4]);
    }
}
