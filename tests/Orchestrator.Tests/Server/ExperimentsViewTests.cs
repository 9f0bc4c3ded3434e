using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Orchestrator.Execution;
using Orchestrator.Runs;
using Orchestrator.Server;
using Orchestrator.Tests.Support;

namespace Orchestrator.Tests.Server;

/// <summary>
/// The experiments API and view (in a real headless Chromium) over a small sweep that really ran twice
/// with the process executor: six variants of a scoring task (sh), and a join writing a comparison plot.
/// </summary>
public sealed class ExperimentsViewTests
{
    // Each variant's error is (step - 3)^2 + offset + bias, so Score[offset=0,step=3] is the best, with error bias.
    private const string PipelineYaml = """
        name: sweep
        parameters:
          bias: { default: "0" }
        tasks:
          Generate:
            args: [sh, -c, "seq 1 30 > ${out}/all.txt"]
            output-dir: numbers
            outputs: { all: all.txt }
          Score:
            matrix: { step: [2, 3, 5], offset: [0, 1] }
            args: [sh, -c, 'grep -c . ${Generate.all} > ${out}/count.txt && echo "{\"validation\": {\"error\": $(( (${step} - 3) * (${step} - 3) + ${offset} + ${bias} ))}}" > ${out}/score.json']
            output-dir: sweep
            outputs: { score: score.json }
          Compare:
            join: true
            args: [sh, -c, 'out=$1; shift; cat "$@" > "$out/scores.txt" && echo iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg== | base64 -d > "$out/Comparison.png"', sh, "${out}", "${Score[*].score}"]
            output-dir: compare
            outputs: { scores: scores.txt, comparison: Comparison.png }
        report:
          title: Sweep of numbers
          sweep-metrics: Score.score
          rank-by: validation.error
          sweep-plots: [Compare.comparison]
        """;

    [Fact]
    public async Task The_api_ranks_a_sweeps_variants_marks_the_chosen_one_lists_its_plot_and_charts_the_chosen_metric_per_sweep()
    {
        using var temp = new TempDirectory();
        var (file, dataRoot) = await RunSweepTwiceAsync(temp);
        await using var server = await StartServerAsync(file, dataRoot);
        using var client = new HttpClient { BaseAddress = new Uri(server.Url) };

        var history = JsonDocument.Parse(await client.GetStringAsync("/api/experiments")).RootElement;
        var sweeps = history.GetProperty("runs").EnumerateArray().ToList();
        var latest = sweeps[^1].GetProperty("id").GetString()!;
        var experiment = JsonDocument.Parse(await client.GetStringAsync($"/api/experiments/{latest}")).RootElement;
        var unknown = await client.GetAsync("/api/experiments/no-such-run");
        var details = JsonDocument.Parse(await client.GetStringAsync($"/api/runs/{latest}")).RootElement;

        Assert.Equal("validation.error", history.GetProperty("metric").GetString());
        Assert.Equal([0.0, 2.0], sweeps.Select(sweep => sweep.GetProperty("value").GetDouble()));
        Assert.All(sweeps, sweep => Assert.Equal(("Score[offset=0,step=3]", 6), (sweep.GetProperty("chosen").GetString(), sweep.GetProperty("succeeded").GetInt32())));
        var variants = experiment.GetProperty("variants").EnumerateArray().ToList();
        Assert.Equal([2.0, 3.0, 3.0, 4.0, 6.0, 7.0], variants.Select(variant => variant.GetProperty("metrics").GetProperty("validation.error").GetDouble()));
        Assert.Equal([true, false, false, false, false, false], variants.Select(variant => variant.GetProperty("chosen").GetBoolean()));
        Assert.Equal("Score[offset=0,step=3]", experiment.GetProperty("chosen").GetString());
        Assert.Equal(["offset", "step"], experiment.GetProperty("parameters").EnumerateArray().Select(name => name.GetString()));
        Assert.Equal($"/api/runs/{latest}/plots/Comparison.png", experiment.GetProperty("plots")[0].GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/runs/{latest}/plots/Comparison.png")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(6, details.GetProperty("variants").GetInt32());
    }

    [Theory]
    [Trait("Category", "Browser")]
    [InlineData(1400)]
    [InlineData(800)]
    public async Task The_experiments_view_shows_a_real_sweeps_variants_best_first_with_the_chosen_one_marked_its_plot_and_a_chart_across_sweeps(int width)
    {
        using var temp = new TempDirectory();
        var (file, dataRoot) = await RunSweepTwiceAsync(temp);
        await using var server = await StartServerAsync(file, dataRoot);
        var url = $"{server.Url}/experiments";
        var dom = await HeadlessChromium.DumpDomAsync(url, width, 1600);
        await BrowserTests.ScreenshotAsync(url, $"ui-experiments-{width}.png", width, 1600);

        var rows = Regex.Matches(dom, """<tr data-variant="([^"]+)"( class="chosen")?>""").Select(match => (Task: match.Groups[1].Value, Chosen: match.Groups[2].Success)).ToList();
        Assert.Equal(6, rows.Count);
        Assert.Equal(("Score[offset=0,step=3]", true), rows[0]);
        Assert.All(rows.Skip(1), row => Assert.False(row.Chosen, $"{row.Task} is marked chosen too"));
        Assert.Contains("""<span class="badge chosen-badge">chosen</span>""", dom);
        Assert.Contains("Chosen: <strong>Score[offset=0,step=3]</strong>, validation.error 2", dom);
        Assert.Contains("<th class=\"num\">validation.error</th>", dom);
        Assert.Matches("""<img src="/api/runs/[^/"]+/plots/Comparison.png" alt="Comparison.png">""", dom);
        Assert.Matches("""<circle class="point" data-run="[^"]+" [^>]+><title>[^<]+: Score\[offset=0,step=3\], 0</title>""", dom);
        Assert.Matches("""<circle class="point shown" data-run="[^"]+" [^>]+><title>[^<]+: Score\[offset=0,step=3\], 2</title>""", dom);
        BrowserTests.AssertFits(dom, width);
    }

    /// <summary>Runs the sweep, then again with bias=2 (every variant reruns, each error 2 higher); returns the pipeline file and the data root.</summary>
    private static async Task<(string File, string DataRoot)> RunSweepTwiceAsync(TempDirectory temp)
    {
        var file = temp.Combine("pipeline.yaml");
        await File.WriteAllTextAsync(file, PipelineYaml);
        var dataRoot = temp.Combine("data");
        foreach (var bias in new[] { "0", "2" })
        {
            var run = await CliRunner.RunAsync(["run", "Compare", "-p", $"bias={bias}", "-f", file, "--executor", "process", "--data-root", dataRoot]);
            Assert.True(run.ExitCode == 0, run.ToString());
        }

        return (file, dataRoot);
    }

    private static async Task<PipelineServer> StartServerAsync(string file, string dataRoot)
    {
        var context = new RunContext(TextWriter.Null, TextWriter.Null, TimeProvider.System, _ => null, ExecutorSelection.CreateAsync);
        var run = new RunRequest(dataRoot, null, null, new Dictionary<string, string>(), new ExecutorRequest("process", dataRoot, dataRoot, false), Trigger: Orchestrator.History.RunTrigger.Ui);
        return await PipelineServer.StartAsync(new PipelineRunner(PipelineFile.Load(file), context), context, new ServerSettings(run, "http://127.0.0.1:0", null, ["127.0.0.1"]), notifier: null, CancellationToken.None);
    }
}
