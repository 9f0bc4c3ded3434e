using System.Globalization;
using Microsoft.Data.Sqlite;

namespace WinePipeline.Orchestrator.History;

/// <summary>
/// Every run and task attempt on a data root, in SQLite at data_root/.orchestrator/history.db.
/// Each call opens its own pooled connection, so the CLI, the server and the scheduler may share one file.
/// </summary>
public sealed partial class RunHistory
{
    public const string FileName = "history.db";

    private readonly string connectionString;

    private RunHistory(string path)
    {
        Path = path;
        connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
    }

    public string Path { get; }

    /// <summary>Opens (creating if needed) the history of a data root.</summary>
    public static RunHistory Open(string dataRoot)
    {
        var directory = Directory.CreateDirectory(System.IO.Path.Combine(dataRoot, Execution.RunLogs.OrchestratorDirectory)).FullName;
        var history = new RunHistory(System.IO.Path.Combine(directory, FileName));
        history.Execute(Schema);
        return history;
    }

    public void RunStarted(string runId, RunTrigger trigger, DateTimeOffset started) =>
        Execute(
            "INSERT OR REPLACE INTO runs (id, trigger, started, outcome) VALUES ($id, $trigger, $started, $outcome)",
            ("$id", runId), ("$trigger", Name(trigger)), ("$started", Format(started)), ("$outcome", RunOutcome.Running));

    public void RunFinished(string runId, DateTimeOffset ended, string outcome, string? summary, string? metrics)
    {
        var values = RunMetrics.Parse(metrics);
        Execute(
            "UPDATE runs SET ended = $ended, outcome = $outcome, summary = $summary, metrics = $metrics, mse = $mse, r2 = $r2 WHERE id = $id",
            ("$id", runId), ("$ended", Format(ended)), ("$outcome", outcome), ("$summary", summary), ("$metrics", metrics),
            ("$mse", values.TryGetValue("mse", out var mse) ? mse : null), ("$r2", values.TryGetValue("r2", out var r2) ? r2 : null));
    }

    /// <summary>A run that ended as soon as it began: "nothing to do", or "skipped" because another run held the data root.</summary>
    public void RunNotStarted(string runId, RunTrigger trigger, DateTimeOffset at, string outcome, string summary)
    {
        RunStarted(runId, trigger, at);
        RunFinished(runId, at, outcome, summary, metrics: null);
    }

    public void AttemptStarted(string runId, string task, int attempt, DateTimeOffset started, string? logPath) =>
        Execute(
            "INSERT OR REPLACE INTO attempts (run_id, task, attempt, started, status, log_path) VALUES ($run, $task, $attempt, $started, 'running', $log)",
            ("$run", runId), ("$task", task), ("$attempt", attempt), ("$started", Format(started)), ("$log", logPath));

    public void AttemptFinished(string runId, string task, int attempt, DateTimeOffset ended, string status, int? exitCode, string? reason) =>
        Execute(
            "UPDATE attempts SET ended = $ended, status = $status, exit_code = $exit, reason = $reason WHERE run_id = $run AND task = $task AND attempt = $attempt",
            ("$run", runId), ("$task", task), ("$attempt", attempt), ("$ended", Format(ended)), ("$status", status), ("$exit", exitCode), ("$reason", reason));

    private static string Name(RunTrigger trigger) => trigger.ToString().ToLowerInvariant();

    private static string Format(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS runs (
            id TEXT PRIMARY KEY,
            trigger TEXT NOT NULL,
            started TEXT NOT NULL,
            ended TEXT,
            outcome TEXT NOT NULL,
            summary TEXT,
            metrics TEXT,
            mse REAL,
            r2 REAL);
        CREATE TABLE IF NOT EXISTS attempts (
            run_id TEXT NOT NULL REFERENCES runs(id),
            task TEXT NOT NULL,
            attempt INTEGER NOT NULL,
            started TEXT NOT NULL,
            ended TEXT,
            status TEXT NOT NULL,
            exit_code INTEGER,
            reason TEXT,
            log_path TEXT,
            PRIMARY KEY (run_id, task, attempt));
        """;
}
