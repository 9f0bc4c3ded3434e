using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Orchestrator.Cli;
using Orchestrator.Locking;
using Orchestrator.Tests.Support;

namespace Orchestrator.Tests.Server;

public sealed class ServerApiTests
{
    [Fact]
    public async Task Graph_lists_every_task_with_its_layer_dependencies_and_state_in_the_cli_words()
    {
        await using var server = await ServerHarness.StartAsync();
        await server.RunToEndAsync("""{"target": "Download"}""");

        var graph = await server.GetJsonAsync("/api/graph");

        var tasks = graph.GetProperty("tasks").EnumerateArray().ToList();
        Assert.Equal(["Download", "Train", "EvaluateModel"], tasks.Select(task => task.GetProperty("id").GetString()));
        Assert.Equal([0, 1, 2], tasks.Select(task => task.GetProperty("layer").GetInt32()));
        Assert.Equal(["Train"], tasks[2].GetProperty("dependsOn").EnumerateArray().Select(id => id.GetString()));
        Assert.Equal("Succeeded", ServerHarness.StateOf(graph, "Download"));
        Assert.Equal("Pending", ServerHarness.StateOf(graph, "Train"));
        Assert.Equal("output Train.out missing", tasks[1].GetProperty("reason").GetString());
        Assert.False(graph.GetProperty("running").GetBoolean());
    }

    [Fact]
    public async Task Graph_answers_304_without_a_body_to_its_own_etag_until_a_state_changes()
    {
        await using var server = await ServerHarness.StartAsync();

        var first = await server.Client.GetAsync("/api/graph");
        var tag = first.Headers.ETag!;
        var unchanged = await GetGraphIfNoneMatchAsync(server, tag);
        await server.RunToEndAsync("""{"target": "Download"}""");
        var changed = await GetGraphIfNoneMatchAsync(server, tag);
        var again = await GetGraphIfNoneMatchAsync(server, changed.Headers.ETag!);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/json; charset=utf-8", first.Content.Headers.ContentType!.ToString());
        Assert.Matches("^\"[0-9a-f]{32}\"$", tag.Tag);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Empty(await unchanged.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(tag, changed.Headers.ETag);
        Assert.Equal("Succeeded", ServerHarness.StateOf(JsonDocument.Parse(await changed.Content.ReadAsStringAsync()).RootElement, "Download"));
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Fact]
    public async Task Task_whose_output_exists_but_whose_upstream_will_run_is_pending_saying_why()
    {
        await using var server = await ServerHarness.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(server.DataRoot, TestGraph.OutputOf("Train")), "old");

        var graph = await server.GetJsonAsync("/api/graph");

        var train = graph.GetProperty("tasks")[1];
        Assert.Equal(("Pending", "upstream Download will run"), (train.GetProperty("state").GetString(), train.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Variants_named_task_with_brackets_carry_their_group()
    {
        await using var server = await ServerHarness.StartAsync(["Download", "Train[trees=100]:Download", "Train[trees=10]:Download", "EvaluateModel:Train[trees=10]"]);

        var graph = await server.GetJsonAsync("/api/graph");

        Assert.Equal(
            [null, "Train", "Train", null],
            graph.GetProperty("tasks").EnumerateArray().Select(task => task.TryGetProperty("group", out var group) ? group.GetString() : null));
    }

    [Fact]
    public async Task Post_runs_answers_202_with_the_run_id_and_url_then_runs_it_and_the_history_shows_its_figures()
    {
        await using var server = await ServerHarness.StartAsync();

        var response = await server.PostRunAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var started = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var id = started.GetProperty("id").GetString()!;
        Assert.Equal($"/runs/{id}", started.GetProperty("url").GetString());
        var runs = await server.WaitForAsync("/api/runs", json => json.GetArrayLength() == 1 && json[0].GetProperty("outcome").GetString() != "running");
        var run = runs[0];
        Assert.Equal((id, "succeeded", "ui"), (run.GetProperty("id").GetString(), run.GetProperty("outcome").GetString(), run.GetProperty("trigger").GetString()));
        Assert.Equal((2.5, 0.75), (run.GetProperty("columns").GetProperty("mse").GetDouble(), run.GetProperty("columns").GetProperty("r2").GetDouble()));
        Assert.Equal(["Download", "Train", "EvaluateModel"], server.Executor.Ran);

        var details = await server.GetJsonAsync($"/api/runs/{id}");
        Assert.Equal(1.2, details.GetProperty("metrics").GetProperty("mae").GetDouble());
        Assert.Equal(["Download", "Train", "EvaluateModel"], details.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("task").GetString()));
        var plots = details.GetProperty("plots").EnumerateArray().ToList();
        Assert.Equal(ServerHarness.Plots, plots.Select(plot => plot.GetProperty("name").GetString()));
        var png = await server.Client.GetAsync(plots[0].GetProperty("url").GetString());
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], (await png.Content.ReadAsByteArrayAsync())[..4]);

        var graph = await server.GetJsonAsync("/api/graph");
        Assert.All(graph.GetProperty("tasks").EnumerateArray(), task =>
        {
            Assert.Equal("Succeeded", task.GetProperty("state").GetString());
            Assert.True(task.GetProperty("seconds").GetDouble() >= 0);
        });
    }

    [Fact]
    public async Task The_run_url_serves_the_page_so_it_can_be_reloaded_and_shared()
    {
        await using var server = await ServerHarness.StartAsync();
        var id = await server.RunToEndAsync();

        var page = await server.Client.GetAsync($"/runs/{id}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("""<script src="/app.js"></script>""", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_runs_with_a_target_force_and_parameters_runs_exactly_that()
    {
        await using var server = await ServerHarness.StartAsync();
        await server.RunToEndAsync("""{"target": "Train"}""");

        await server.RunToEndAsync("""{"target": "Train", "force": "Download", "parameters": {"dataset-url": "file:///data/other.csv", "image-version": "0.2"}}""");

        Assert.Equal(["Download", "Train", "Download", "Train"], server.Executor.Ran);
        Assert.Equal(("file:///data/other.csv", "0.2"), (server.LastParameters?["dataset-url"], server.LastParameters?["image-version"]));
    }

    [Theory]
    [InlineData("""{"target": "Nope"}""", "unknown task 'Nope'; known tasks: Download, Train, EvaluateModel")]
    [InlineData("""{"force": "Nope"}""", "unknown task 'Nope'; known tasks: Download, Train, EvaluateModel")]
    [InlineData("""{"target": "Train", "force": "EvaluateModel"}""", "--force EvaluateModel has no effect: Train does not depend on it; force one of the tasks upstream of Train")]
    [InlineData("""{"parameters": {"trees": "5"}}""", "unknown parameter 'trees'; known parameters: dataset-url, image-version, image-prefix")]
    [InlineData("""{"parameters": {"dataset-url": ""}}""", "parameter 'dataset-url' is empty")]
    [InlineData("""{"targte": "Train"}""", "unknown field 'targte'; a run takes target, force and parameters")]
    [InlineData("""["Train"]""", """the body must be a JSON object: {"target": ..., "force": ..., "parameters": {...}}""")]
    public async Task Post_runs_with_a_bad_request_is_400_with_one_line_and_starts_nothing(string body, string error)
    {
        await using var server = await ServerHarness.StartAsync();

        var response = await server.PostRunAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(error, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
        Assert.Empty((await server.GetJsonAsync("/api/runs")).EnumerateArray());
        Assert.Empty(server.Executor.Ran);
    }

    [Fact]
    public async Task Run_defaults_name_the_target_the_tasks_and_each_parameter_with_its_value()
    {
        await using var server = await ServerHarness.StartAsync();

        var defaults = await server.GetJsonAsync("/api/run-defaults");

        Assert.Equal("EvaluateModel", defaults.GetProperty("target").GetString());
        Assert.Equal(["Download", "Train", "EvaluateModel"], defaults.GetProperty("tasks").EnumerateArray().Select(task => task.GetString()));
        Assert.Equal(["dataset-url", "image-version", "image-prefix"], defaults.GetProperty("parameters").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task While_a_run_is_going_the_graph_shows_it_running_the_log_is_live_and_a_second_post_is_409()
    {
        var release = new TaskCompletionSource();
        await using var server = await ServerHarness.StartAsync(hold: release.Task);

        Assert.Equal(HttpStatusCode.Accepted, (await server.PostRunAsync()).StatusCode);
        var graph = await server.WaitForAsync("/api/graph", json => ServerHarness.StateOf(json, "Download") == "Running");
        var second = await server.PostRunAsync();
        var log = await server.WaitForAsync("/api/tasks/Download/log", json => json.GetProperty("text").GetString()!.Length > 0);
        release.SetResult();

        Assert.True(graph.GetProperty("running").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("working on Download\n", log.GetProperty("text").GetString());
        var next = log.GetProperty("next").GetInt64();
        var rest = await server.WaitForAsync($"/api/tasks/Download/log?since={next}", json => json.GetProperty("text").GetString()!.Length > 0);
        Assert.Equal("done with Download\n", rest.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Post_runs_while_a_cli_run_holds_the_data_root_is_409_naming_the_holder()
    {
        await using var server = await ServerHarness.StartAsync();
        using var cliRun = RunLock.Acquire(server.DataRoot, TimeProvider.System);

        var response = await server.PostRunAsync();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString();
        Assert.Contains($"pid {Environment.ProcessId}", error);
        Assert.Empty(server.Executor.Ran);
    }

    [Fact]
    public async Task With_a_token_every_request_but_the_pages_scripts_and_styles_must_carry_it()
    {
        await using var server = await ServerHarness.StartAsync(token: "s3cret");

        var without = await server.Client.GetAsync("/api/graph");
        var pageWithout = await server.Client.GetAsync("/");
        var wrong = await server.Client.GetAsync("/api/graph?token=nope");
        var inQuery = await server.Client.GetAsync("/?token=s3cret");
        var script = await server.Client.GetAsync("/app.js");
        using var bearer = new HttpRequestMessage(HttpMethod.Get, "/api/graph") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "s3cret") } };
        var withHeader = await server.Client.SendAsync(bearer);

        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, pageWithout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, inQuery.StatusCode);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withHeader.StatusCode);
    }

    [Fact]
    public async Task The_page_and_its_scripts_are_served()
    {
        await using var server = await ServerHarness.StartAsync();

        var page = await server.Client.GetStringAsync("/");
        var script = await server.Client.GetAsync("/app.js");
        var code = await script.Content.ReadAsStringAsync();
        var layout = await server.Client.GetStringAsync("/dagre.min.js");

        Assert.Contains("""<script src="/app.js"></script>""", page);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        // One classic script: app.js with the modules it imports joined in, the later modules still imported.
        Assert.DoesNotMatch(@"(?m)^(import|export) ", code);
        Assert.Equal(["// api.js", "// graph.js", "// app.js"], Regex.Matches(code, @"(?m)^// \S+\.js$").Select(match => match.Value));
        Assert.Contains("class GraphView", code);
        Assert.Contains("""import("./task-panel.js")""", code);
        Assert.StartsWith("/*! @dagrejs/dagre 3.1.3", layout);
        Assert.Contains("Copyright (c) 2012-2014 Chris Pettitt", layout);
    }

    [Fact]
    public async Task Serve_with_a_non_http_url_exits_2_with_one_line()
    {
        using var dataRoot = new TempDirectory();

        var result = await CliRunner.RunAsync(["serve", "--data-root", dataRoot.Path, "--urls", "ftp://127.0.0.1:0"]);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Equal("orchestrator: error: --urls 'ftp://127.0.0.1:0' is not an http:// URL (see orchestrator --help)\n", result.Error);
    }

    private static async Task<HttpResponseMessage> GetGraphIfNoneMatchAsync(ServerHarness server, EntityTagHeaderValue tag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/graph") { Headers = { IfNoneMatch = { tag } } };
        return await server.Client.SendAsync(request);
    }
}
