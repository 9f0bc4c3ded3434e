namespace Orchestrator.Tests.Server;

/// <summary>A person clicking through the page in a real headless Chromium.</summary>
public sealed class BrowserInteractionTests
{
    [Fact]
    [Trait("Category", "Browser")]
    public async Task The_run_dialog_starts_the_chosen_target_with_force_and_parameters_and_opens_the_runs_url()
    {
        await using var server = await ServerHarness.StartAsync();
        await server.RunToEndAsync("""{"target": "Train"}""");
        await using var browser = await ChromiumSession.StartAsync(1400);

        await StartFromTheDialogAsync(browser, server, target: "Train", force: "Download", datasetUrl: "file:///data/other.csv");
        await browser.WaitForAsync("location.pathname.startsWith('/runs/')");
        var id = (await browser.EvaluateAsync("decodeURIComponent(location.pathname.slice(6))"))!.GetValue<string>();
        await server.WaitForAsync("/api/runs", runs => runs.EnumerateArray().Any(run => run.GetProperty("id").GetString() == id && run.GetProperty("outcome").GetString() == "succeeded"));
        await browser.WaitForAsync("document.querySelectorAll('#run-body .bar.Succeeded').length === 2");

        Assert.Equal(["Download", "Train", "Download", "Train"], server.Executor.Ran);
        Assert.Equal("file:///data/other.csv", server.LastParameters?["dataset-url"]);
        Assert.False((await browser.EvaluateAsync("document.getElementById('run-dialog').open"))!.GetValue<bool>());
        Assert.Equal(id, await browser.TextAsync("#run-title"));
    }

    [Fact]
    [Trait("Category", "Browser")]
    public async Task The_run_dialog_shows_the_servers_one_line_refusal()
    {
        await using var server = await ServerHarness.StartAsync();
        await using var browser = await ChromiumSession.StartAsync(800);

        await StartFromTheDialogAsync(browser, server, target: "Train", force: "EvaluateModel");
        await browser.WaitForAsync("document.querySelector('#run-dialog .error').textContent");

        Assert.Equal("--force EvaluateModel has no effect: Train does not depend on it; force one of the tasks upstream of Train", await browser.TextAsync("#run-dialog .error"));
        Assert.Empty(server.Executor.Ran);
    }

    [Fact]
    [Trait("Category", "Browser")]
    public async Task Clicking_a_task_shows_its_state_and_reason_clicking_a_group_lists_its_variants_and_hovering_gives_a_tooltip()
    {
        await using var server = await ServerHarness.StartAsync(["Download", "Train[trees=100]:Download", "Train[trees=10]:Download", "EvaluateModel:Train[trees=10]"]);
        await server.CompleteAsync("Download");
        await using var browser = await ChromiumSession.StartAsync(1400);
        await browser.NavigateAsync(server.Url);
        await browser.WaitForAsync("document.querySelector('g.group')");

        await browser.ClickAsync("""g.node[data-id="Train[trees=10]"]""");
        await browser.WaitForAsync("document.getElementById('task-title').textContent === 'Train[trees=10]'");
        var (taskState, taskReason) = (await browser.TextAsync("#task-details .badge"), await browser.TextAsync("#task-details .reason"));
        await browser.ClickAsync("""g.group[data-group="Train"] > text.name""");
        await browser.WaitForAsync("document.getElementById('task-title').textContent === 'Train'");
        var variants = await browser.EvaluateAsync("[...document.querySelectorAll('#task-details .variants a')].map(a => a.textContent)");
        await browser.ClickAsync("""#task-details a[data-task="Train[trees=100]"]""");
        await browser.WaitForAsync("document.getElementById('task-title').textContent === 'Train[trees=100]'");
        await browser.EvaluateAsync("document.querySelector('g.node[data-id=\"Download\"] rect').dispatchEvent(new PointerEvent('pointerover', { bubbles: true }))");
        var tooltip = await browser.TextAsync("""g.node[data-id="Download"] > title""");

        Assert.Equal(("Pending", "output Train[trees=10].out missing"), (taskState, taskReason));
        Assert.Equal(["Train[trees=100]", "Train[trees=10]"], variants!.AsArray().Select(name => name!.GetValue<string>()));
        Assert.StartsWith("Complete", await browser.TextAsync("""g.node[data-id="Download"] .meta"""));
        Assert.Equal("Train", await browser.TextAsync("#task-details dd:last-child"));
        Assert.StartsWith("Download: Complete, ", tooltip);
    }

    [Fact]
    [Trait("Category", "Browser")]
    public async Task A_graph_too_large_to_lay_out_before_drawing_is_drawn_on_its_layers_then_routed_by_the_worker_and_drawn_as_it_scrolls_or_as_a_task_is_found()
    {
        // 61 boxes in a chain and one task needing both ends of it: its first edge spans the whole chain.
        string[] specs = ["T00", .. Enumerable.Range(1, 60).Select(i => $"T{i:00}:T{i - 1:00}"), "EvaluateModel:T00,T60"];
        await using var server = await ServerHarness.StartAsync(specs);
        await using var browser = await ChromiumSession.StartAsync(1400);
        await browser.NavigateAsync(server.Url);

        await browser.WaitForAsync("document.body.dataset.firstRenderMs");
        var firstDrawing = await browser.EvaluateAsync("document.querySelector('path.edges').getAttribute('d')");
        await browser.WaitForAsync("document.body.dataset.layoutMs");
        var routed = await browser.EvaluateAsync("document.querySelector('path.edges').getAttribute('d')");
        var drawnAtFirst = await DrawnTasksAsync(browser);
        await browser.EvaluateAsync("(g => g.scrollLeft = g.scrollWidth)(document.getElementById('graph'))");
        await browser.WaitForAsync("document.querySelector('g.node[data-id=\"T60\"]')");
        var drawnAtTheEnd = await DrawnTasksAsync(browser);
        await browser.ClickAsync("""g.node[data-id="EvaluateModel"]""");
        await browser.WaitForAsync("document.querySelector('#task-details a[data-task=\"T00\"]')");
        await browser.ClickAsync("""#task-details a[data-task="T00"]""");
        await browser.WaitForAsync("document.querySelector('g.node.selected[data-id=\"T00\"]')");
        var titleAfterTheLink = await browser.TextAsync("#task-title");
        var scrolledBack = (await browser.EvaluateAsync("document.getElementById('graph').scrollLeft"))!.GetValue<double>();
        await FindAsync(browser, "t45");
        await browser.WaitForAsync("document.querySelector('g.node.selected[data-id=\"T45\"]')");
        await browser.WaitForAsync("document.getElementById('task-title').textContent === 'T45'");
        await FindAsync(browser, "no-such-task");
        var refusal = await browser.EvaluateAsync("document.getElementById('find-task').validationMessage");

        Assert.DoesNotContain("Q", firstDrawing!.GetValue<string>());
        Assert.Contains("Q", routed!.GetValue<string>());
        Assert.Contains("T00", drawnAtFirst);
        Assert.DoesNotContain("T60", drawnAtFirst);
        Assert.InRange(drawnAtFirst.Count, 10, 40);
        Assert.Contains("EvaluateModel", drawnAtTheEnd);
        Assert.DoesNotContain("T00", drawnAtTheEnd);
        Assert.Equal("T00", titleAfterTheLink);
        Assert.Equal(0, scrolledBack);
        Assert.Equal("no task's name contains \"no-such-task\"", refusal!.GetValue<string>());
        Assert.Equal("T45", await browser.TextAsync("#task-title"));
    }

    [Theory]
    [Trait("Category", "Browser")]
    [InlineData(null, new[] { "link" })]
    [InlineData("s3cret", new[] { "fetch" })]
    public async Task Without_a_token_the_page_asks_for_the_graph_while_its_scripts_load_draws_from_that_answer_and_is_not_sent_it_again_unchanged(string? token, string[] firstGraphRequests)
    {
        await using var server = await ServerHarness.StartAsync(token: token);
        await using var browser = await ChromiumSession.StartAsync(1400);
        await browser.NavigateAsync(token is null ? server.Url : $"{server.Url}?token={token}");
        await browser.WaitForAsync("document.body.dataset.firstRenderMs");

        var requests = await browser.EvaluateAsync(
            "performance.getEntriesByType('resource').filter(e => new URL(e.name).pathname === '/api/graph' && e.startTime < Number(document.body.dataset.firstRenderMs)).map(e => e.initiatorType)");
        var preloads = await browser.EvaluateAsync("document.querySelectorAll('link[rel=preload][href=\"/api/graph\"]').length");
        var drawn = await browser.EvaluateAsync("document.querySelectorAll('g.node').length");
        await browser.WaitForAsync("Number(document.body.dataset.unchangedRefreshes) >= 2");
        var fullRefreshes = await browser.EvaluateAsync("document.body.dataset.refreshes");

        // A preload the page's fetch did not take over would show as a second request, a "fetch".
        Assert.Equal(firstGraphRequests, requests!.AsArray().Select(type => type!.GetValue<string>()));
        Assert.Equal(token is null ? 1 : 0, preloads!.GetValue<int>());
        Assert.Equal(3, drawn!.GetValue<int>());
        Assert.Equal("1", fullRefreshes!.GetValue<string>());
    }

    // As a person would: focus the box (which lists the names), type, press Enter.
    private static Task FindAsync(ChromiumSession browser, string text) =>
        browser.EvaluateAsync($"(box => {{ box.focus(); box.value = {System.Text.Json.JsonSerializer.Serialize(text)}; box.dispatchEvent(new Event('input')); box.dispatchEvent(new Event('change')); }})(document.getElementById('find-task'))");

    private static async Task<List<string>> DrawnTasksAsync(ChromiumSession browser) =>
        (await browser.EvaluateAsync("[...document.querySelectorAll('g.node')].map(g => g.dataset.id)"))!.AsArray().Select(id => id!.GetValue<string>()).ToList();

    private static async Task StartFromTheDialogAsync(ChromiumSession browser, ServerHarness server, string target, string force, string? datasetUrl = null)
    {
        await browser.NavigateAsync(server.Url);
        await browser.WaitForAsync("document.querySelector('g.node')");
        await browser.ClickAsync("#run-button");
        await browser.WaitForAsync("document.getElementById('run-dialog').open && document.querySelector('#run-dialog input[data-name=\"dataset-url\"]')");
        var url = datasetUrl is null ? string.Empty : $"form.querySelector('input[data-name=\"dataset-url\"]').value = '{datasetUrl}';";
        await browser.EvaluateAsync($"(form => {{ form.elements.target.value = '{target}'; form.elements.force.value = '{force}'; {url} }})(document.querySelector('#run-dialog form'))");
        await browser.ClickAsync("#run-dialog button[type=submit]");
    }
}
