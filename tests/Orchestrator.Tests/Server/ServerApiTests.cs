using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Orchestrator.Cli;
using Orchestrator.Locking;
using Orchestrator.Tests.Support;

namespace Orchestrator.Tests.Server;

public sealed class ServerApiTests
{
    [Fact]
    public async Task Graph_lists_every_task_with_its_layer_dependencies_and_state()
    {
        await using var server = await ServerHarness.StartAsync();
        await server.CompleteAsync("Download");

        var graph = await server.GetJsonAsync("/api/graph");

        var tasks = graph.GetProperty("tasks").EnumerateArray().ToList();
        Assert.Equal(["Download", "Train", "EvaluateModel"], tasks.Select(task => task.GetProperty("id").GetString()));
        Assert.Equal([0, 1, 2], tasks.Select(task => task.GetProperty("layer").GetInt32()));
        Assert.Equal(["Train"], tasks[2].GetProperty("dependsOn").EnumerateArray().Select(id => id.GetString()));
        Assert.Equal("complete", ServerHarness.StateOf(graph, "Download"));
        Assert.Equal("pending", ServerHarness.StateOf(graph, "Train"));
        Assert.False(graph.GetProperty("running").GetBoolean());
    }

    [Fact]
    public async Task Task_whose_output_exists_but_whose_upstream_will_run_is_stale()
    {
        await using var server = await ServerHarness.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(server.DataRoot, TestGraph.OutputOf("Train")), "old");

        var graph = await server.GetJsonAsync("/api/graph");

        Assert.Equal("pending", ServerHarness.StateOf(graph, "Download"));
        Assert.Equal("stale", ServerHarness.StateOf(graph, "Train"));
    }

    [Fact]
    public async Task Post_runs_runs_the_pipeline_and_the_runs_list_shows_the_reports_columns_from_its_metrics()
    {
        await using var server = await ServerHarness.StartAsync();

        var response = await server.Client.PostAsync("/api/runs", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var runs = await server.WaitForAsync("/api/runs", json => json.GetArrayLength() == 1 && json[0].GetProperty("outcome").GetString() != "running");
        var run = runs[0];
        Assert.Equal(("succeeded", "ui"), (run.GetProperty("outcome").GetString(), run.GetProperty("trigger").GetString()));
        var columns = run.GetProperty("columns");
        Assert.Equal((2.5, 0.75), (columns.GetProperty("mse").GetDouble(), columns.GetProperty("r2").GetDouble()));
        Assert.Equal(["Download", "Train", "EvaluateModel"], server.Executor.Ran);

        var details = await server.GetJsonAsync($"/api/runs/{run.GetProperty("id").GetString()}");
        Assert.Equal(1.2, details.GetProperty("metrics").GetProperty("mae").GetDouble());
        Assert.Equal(["Download", "Train", "EvaluateModel"], details.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("task").GetString()));
        var plot = details.GetProperty("plots").EnumerateArray().Single();
        var png = await server.Client.GetAsync(plot.GetProperty("url").GetString());
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], await png.Content.ReadAsByteArrayAsync());

        var graph = await server.GetJsonAsync("/api/graph");
        Assert.All(graph.GetProperty("tasks").EnumerateArray(), task => Assert.Equal("complete", task.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task While_a_run_is_going_the_graph_shows_it_running_the_log_is_live_and_a_second_post_is_409()
    {
        var release = new TaskCompletionSource();
        await using var server = await ServerHarness.StartAsync(hold: release.Task);

        Assert.Equal(HttpStatusCode.Accepted, (await server.Client.PostAsync("/api/runs", null)).StatusCode);
        var graph = await server.WaitForAsync("/api/graph", json => ServerHarness.StateOf(json, "Download") == "running");
        var second = await server.Client.PostAsync("/api/runs", null);
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

        var response = await server.Client.PostAsync("/api/runs", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString();
        Assert.Contains($"pid {Environment.ProcessId}", error);
        Assert.Empty(server.Executor.Ran);
    }

    [Fact]
    public async Task With_a_token_every_request_must_carry_it()
    {
        await using var server = await ServerHarness.StartAsync(token: "s3cret");

        var without = await server.Client.GetAsync("/api/graph");
        var wrong = await server.Client.GetAsync("/api/graph?token=nope");
        var inQuery = await server.Client.GetAsync("/?token=s3cret");
        using var bearer = new HttpRequestMessage(HttpMethod.Get, "/api/graph") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "s3cret") } };
        var withHeader = await server.Client.SendAsync(bearer);

        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, inQuery.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withHeader.StatusCode);
    }

    [Theory]
    [InlineData("http://0.0.0.0:0")]
    [InlineData("http://192.168.1.20:8082")]
    public async Task Serve_off_loopback_without_a_token_exits_2_with_one_line(string url)
    {
        using var dataRoot = new TempDirectory();

        var result = await CliRunner.RunAsync(["serve", "--data-root", dataRoot.Path, "--urls", url]);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Equal(
            $"orchestrator: error: --urls {url} listens beyond this machine; give --token TOKEN (or $SCHEDULER_TOKEN) so every request must carry it (see orchestrator --help)\n",
            result.Error);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task Pipeline_route_describes_the_pipeline_its_report_columns_and_tasks()
    {
        await using var server = await ServerHarness.StartAsync();

        var pipeline = await server.GetJsonAsync("/api/pipeline");

        Assert.Equal(("server-test", "Server test", "EvaluateModel"), (pipeline.GetProperty("name").GetString(), pipeline.GetProperty("title").GetString(), pipeline.GetProperty("defaultTarget").GetString()));
        Assert.Equal(["mse", "r2"], pipeline.GetProperty("columns").EnumerateArray().Select(column => column.GetString()));
        Assert.Equal(["Download", "Train", "EvaluateModel"], pipeline.GetProperty("tasks").EnumerateArray().Select(task => task.GetString()));
    }

    [Fact]
    public async Task The_page_and_its_script_are_served()
    {
        await using var server = await ServerHarness.StartAsync();

        var page = await server.Client.GetStringAsync("/");
        var script = await server.Client.GetAsync("/app.js");

        Assert.Contains("<script src=\"app.js\"></script>", page);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
    }
}
