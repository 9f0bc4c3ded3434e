using System.Text.Json;
using Orchestrator.Execution;
using Orchestrator.Notifications;
using Orchestrator.Planning;
using Orchestrator.Runs;
using Orchestrator.Tests.Support;

namespace Orchestrator.Tests.Notifications;

public class NotifierTests
{
    private const string Metrics = """{"mse":4.5123,"rmse":2.1242,"mae":1.7,"r2":0.52,"rows":2000}""";

    private static readonly RunNotification FailedRun = new(
        "Wine rating predictor",
        "20260102-030405-ab12",
        "schedule '0 0 3 * * ?'",
        RunOutcome.Failed,
        "summary: 6 ran, 0 already complete, 1 failed",
        new FailedTaskDetail("EvaluateModel", "exit code 1", ["evaluate_model: error: test_features.csv: row 3: column points: not a number"]),
        TimeSpan.FromSeconds(83),
        null,
        []);

    private static readonly RunNotification SucceededRun = FailedRun with
    {
        Outcome = RunOutcome.Succeeded,
        SummaryLine = "summary: 8 ran, 0 already complete, 0 failed",
        FailedTask = null,
        MetricsJson = Metrics,
    };

    [Fact]
    public async Task Failed_run_posts_Slack_compatible_json_text_with_the_task_exit_code_and_stderr_tail()
    {
        using var webhook = new LocalWebhook();
        var log = new StringWriter();
        using var notifier = new Notifier(new NotificationSettings(webhook.Url, null, NotifyOnSuccess: false), log, TimeProvider.System);

        var delivered = await notifier.NotifyAsync(FailedRun, CancellationToken.None);

        Assert.True(delivered, log.ToString());
        var (contentType, body) = Assert.Single(webhook.Requests);
        Assert.StartsWith("application/json", contentType);
        using var json = JsonDocument.Parse(body);
        var text = json.RootElement.GetProperty("text").GetString()!;
        Assert.StartsWith("[Wine rating predictor] run 20260102-030405-ab12 failed: EvaluateModel: exit code 1\n", text);
        Assert.Contains("trigger: schedule '0 0 3 * * ?'\nduration: 00:01:23\nsummary: 6 ran, 0 already complete, 1 failed\n", text);
        Assert.Contains("```\nevaluate_model: error: test_features.csv: row 3: column points: not a number\n```", text);
    }

    [Fact]
    public async Task Success_notifies_only_with_notify_on_success()
    {
        using var webhook = new LocalWebhook();
        using var failuresOnly = new Notifier(new NotificationSettings(webhook.Url, null, NotifyOnSuccess: false), TextWriter.Null, TimeProvider.System);
        using var always = new Notifier(new NotificationSettings(webhook.Url, null, NotifyOnSuccess: true), TextWriter.Null, TimeProvider.System);

        await failuresOnly.NotifyAsync(SucceededRun, CancellationToken.None);
        Assert.Empty(webhook.Requests);
        await always.NotifyAsync(SucceededRun, CancellationToken.None);

        var (_, body) = Assert.Single(webhook.Requests);
        var text = JsonDocument.Parse(body).RootElement.GetProperty("text").GetString()!;
        Assert.StartsWith("[Wine rating predictor] run 20260102-030405-ab12 succeeded\n", text);
        Assert.Contains("metrics:\n  mse: 4.5123\n  rmse: 2.1242\n", text);
    }

    [Fact]
    public async Task Webhook_answering_500_once_is_retried_and_delivered()
    {
        using var webhook = new LocalWebhook(failures: 1);
        var log = new StringWriter();
        using var notifier = new Notifier(
            new NotificationSettings(webhook.Url, null, false) { WebhookRetryDelay = TimeSpan.FromMilliseconds(50) }, log, TimeProvider.System);

        var delivered = await notifier.NotifyAsync(FailedRun, CancellationToken.None);

        Assert.True(delivered);
        Assert.Equal(2, webhook.Requests.Count);
        Assert.Empty(log.ToString());
    }

    [Fact]
    public async Task Unreachable_webhook_is_logged_in_one_line_without_its_secret_path_and_does_not_throw()
    {
        var port = LocalWebhook.FreePort();
        var log = new StringWriter();
        using var notifier = new Notifier(
            new NotificationSettings(new Uri($"http://127.0.0.1:{port}/hooks/T000/secret"), null, false) { WebhookRetryDelay = TimeSpan.FromMilliseconds(50) },
            log,
            TimeProvider.System);

        var delivered = await notifier.NotifyAsync(FailedRun, CancellationToken.None);

        Assert.False(delivered);
        var line = Assert.Single(log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"notify: webhook to http://127.0.0.1:{port} failed: ", line);
        Assert.EndsWith("(after 2 attempts); the run is not affected", line.TrimEnd());
        Assert.DoesNotContain("secret", line);
    }

    [Fact]
    public async Task Email_has_the_subject_the_metrics_in_the_body_and_the_plots_attached()
    {
        using var smtp = new LocalSmtpServer();
        using var dataRoot = new TempDirectory();
        var plots = new[] { "FeatureImportances.png", "PredictionsVSActuals.png" }.Select(name => dataRoot.Combine(name)).ToList();
        plots.ForEach(plot => File.WriteAllBytes(plot, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]));
        var settings = new NotificationSettings(null, new SmtpSettings("127.0.0.1", smtp.Port, "pipeline@example.org", ["team@example.org", "lead@example.org"]), NotifyOnSuccess: true);
        var log = new StringWriter();
        using var notifier = new Notifier(settings, log, TimeProvider.System);

        var delivered = await notifier.NotifyAsync(SucceededRun with { PlotPaths = plots }, CancellationToken.None);

        Assert.True(delivered, log.ToString());
        var mail = Assert.Single(smtp.Messages);
        Assert.Equal("<pipeline@example.org>", mail.From);
        Assert.Equal(["<team@example.org>", "<lead@example.org>"], mail.To);
        Assert.Equal("[Wine rating predictor] run 20260102-030405-ab12 succeeded", mail.Header("Subject"));
        Assert.Contains("\r\nsummary: 8 ran, 0 already complete, 0 failed\r\nmetrics:\r\n  mse: 4.5123\r\n  rmse: 2.1242\r\n", mail.TextBody);
        Assert.Contains("Content-Type: image/png; name=FeatureImportances.png\r\n", mail.Data);
        Assert.Contains("Content-Disposition: attachment; filename=FeatureImportances.png\r\n", mail.Data);
        Assert.Contains("Content-Type: image/png; name=PredictionsVSActuals.png\r\n", mail.Data);
        Assert.Contains("Content-Disposition: attachment; filename=PredictionsVSActuals.png\r\n", mail.Data);
    }

    [Fact]
    public async Task Failed_run_without_notify_on_success_is_still_emailed_and_a_dead_smtp_server_is_only_logged()
    {
        using var smtp = new LocalSmtpServer();
        var deadPort = LocalWebhook.FreePort();
        var log = new StringWriter();
        using var live = new Notifier(new NotificationSettings(null, new SmtpSettings("127.0.0.1", smtp.Port, "a@example.org", ["b@example.org"]), false), log, TimeProvider.System);
        using var dead = new Notifier(new NotificationSettings(null, new SmtpSettings("127.0.0.1", deadPort, "a@example.org", ["b@example.org"]), false), log, TimeProvider.System);

        Assert.True(await live.NotifyAsync(FailedRun, CancellationToken.None));
        Assert.True(await live.NotifyAsync(SucceededRun, CancellationToken.None));
        Assert.False(await dead.NotifyAsync(FailedRun, CancellationToken.None));

        Assert.Equal("[Wine rating predictor] run 20260102-030405-ab12 failed: EvaluateModel: exit code 1", Assert.Single(smtp.Messages).Header("Subject"));
        Assert.StartsWith($"notify: email through 127.0.0.1:{deadPort} failed: ", log.ToString());
    }

    [Fact]
    public void Notification_of_a_failed_run_names_the_failed_task_and_reads_the_reports_metrics_and_plots_from_the_data_root()
    {
        using var dataRoot = new TempDirectory();
        File.WriteAllText(dataRoot.Combine("metrics.json"), Metrics);
        File.WriteAllBytes(dataRoot.Combine("PredictionsVSActuals.png"), [1]);
        File.WriteAllBytes(dataRoot.Combine("FeatureImportances.png"), [1]);
        var builder = new PipelineBuilder("test");
        var tasks = TestGraph.Declare(builder, TestGraph.Chain);
        var report = tasks["C"].Output("metrics", "metrics.json").Output("importances", "FeatureImportances.png").Output("predictions", "PredictionsVSActuals.png");
        var pipeline = builder.Report("Test pipeline", report.Ref("metrics"), ["mse"], [report.Ref("importances"), report.Ref("predictions")]).Build();
        var graph = pipeline.Resolve(new Dictionary<string, string>());
        var runReport = new RunReport("run-7", [
            new TaskReport(graph.Get("A"), TaskState.Complete()),
            new TaskReport(graph.Get("B"), new TaskState(ExecutionStatus.Failed, "exit code 3"), 1, TimeSpan.FromSeconds(1), new ExecutionResult(3, "image test/step-b:1", ["bad row", "giving up"])),
            new TaskReport(graph.Get("C"), new TaskState(ExecutionStatus.NotRun, "upstream B failed")),
        ]);

        var notification = RunNotification.From(new RunResult(runReport, RunOutcomes.Of(runReport), new Dictionary<string, string>()), pipeline, "manual", TimeSpan.FromSeconds(5), dataRoot.Path);

        Assert.Equal(("Test pipeline", "run-7", RunOutcome.Failed), (notification.Pipeline, notification.RunId, notification.Outcome));
        Assert.Equal(("B", "exit code 3"), (notification.FailedTask!.TaskId, notification.FailedTask.Failure));
        Assert.Equal(["bad row", "giving up"], notification.FailedTask.StderrTail);
        Assert.Equal(Metrics, notification.MetricsJson);
        Assert.Equal(["FeatureImportances.png", "PredictionsVSActuals.png"], notification.PlotPaths.Select(Path.GetFileName));
        Assert.Equal("summary: 0 ran, 1 already complete, 1 failed", notification.SummaryLine);
    }
}
