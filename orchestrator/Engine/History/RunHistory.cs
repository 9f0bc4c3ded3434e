using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Orchestrator.Runs;

namespace Orchestrator.History;

/// <summary>
/// Every run and task attempt on a data root, in SQLite at data_root/.orchestrator/history.db.
/// Each call opens its own pooled connection, so the CLI, the server and the scheduler may share one file.
/// The history never stops a run: a corrupt file is moved aside and recreated, and a write that fails
/// (a full disk) is reported once as one line while the run goes on.
/// </summary>
internal sealed partial class RunHistory
{
    public const string FileName = "history.db";

    private readonly string connectionString;
    private readonly TextWriter warnings;
    private int writeFailures;

    private RunHistory(string path, TextWriter warnings)
    {
        Path = path;
        this.warnings = warnings;
        connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
    }

    public string Path { get; }

    /// <summary>Opens (creating if needed) the history of a data root; a corrupt one is moved aside, said on <paramref name="warnings"/>.</summary>
    public static RunHistory Open(string dataRoot, TextWriter? warnings = null)
    {
        var directory = Directory.CreateDirectory(System.IO.Path.Combine(dataRoot, Execution.RunLogs.OrchestratorDirectory)).FullName;
        var history = new RunHistory(System.IO.Path.Combine(directory, FileName), warnings ?? TextWriter.Null);
        history.CreateSchema();
        return history;
    }

    public void RunStarted(string runId, RunTrigger trigger, DateTimeOffset started, IReadOnlyDictionary<string, string>? parameters = null) =>
        Write(
            "INSERT OR REPLACE INTO runs (id, trigger, started, outcome, parameters) VALUES ($id, $trigger, $started, $outcome, $parameters)",
            ("$id", runId), ("$trigger", Name(trigger)), ("$started", Format(started)), ("$outcome", RunOutcome.Running.Name()),
            ("$parameters", parameters is null ? null : JsonSerializer.Serialize(parameters)));

    public void RunFinished(string runId, DateTimeOffset ended, RunOutcome outcome, string? summary, string? metrics) =>
        Write(
            "UPDATE runs SET ended = $ended, outcome = $outcome, summary = $summary, metrics = $metrics WHERE id = $id",
            ("$id", runId), ("$ended", Format(ended)), ("$outcome", outcome.Name()), ("$summary", summary), ("$metrics", metrics));

    /// <summary>A run that ended as soon as it began: "nothing to do", or "skipped" because another run held the data root.</summary>
    public void RunNotStarted(string runId, RunTrigger trigger, DateTimeOffset at, RunOutcome outcome, string summary, IReadOnlyDictionary<string, string>? parameters = null)
    {
        RunStarted(runId, trigger, at, parameters);
        RunFinished(runId, at, outcome, summary, metrics: null);
    }

    /// <summary>Runs still marked running belong to a killed orchestrator (the caller holds the run lock): they become interrupted.</summary>
    public void MarkInterrupted(DateTimeOffset now)
    {
        Write(
            "UPDATE runs SET outcome = $interrupted, ended = COALESCE(ended, $now), summary = COALESCE(summary, 'the orchestrator stopped while it ran (killed?)') WHERE outcome = $running",
            ("$interrupted", RunOutcome.Interrupted.Name()), ("$running", RunOutcome.Running.Name()), ("$now", Format(now)));
        Write(
            "UPDATE attempts SET status = 'interrupted', ended = COALESCE(ended, $now) WHERE status = 'running'",
            ("$now", Format(now)));
    }

    public void AttemptStarted(string runId, string task, int attempt, DateTimeOffset started, string? logPath) =>
        Write(
            "INSERT OR REPLACE INTO attempts (run_id, task, attempt, started, status, log_path) VALUES ($run, $task, $attempt, $started, 'running', $log)",
            ("$run", runId), ("$task", task), ("$attempt", attempt), ("$started", Format(started)), ("$log", logPath));

    public void AttemptFinished(string runId, string task, int attempt, DateTimeOffset ended, string status, int? exitCode, string? reason) =>
        Write(
            "UPDATE attempts SET ended = $ended, status = $status, exit_code = $exit, reason = $reason WHERE run_id = $run AND task = $task AND attempt = $attempt",
            ("$run", runId), ("$task", task), ("$attempt", attempt), ("$ended", Format(ended)), ("$status", status), ("$exit", exitCode), ("$reason", reason));

    /// <summary>A variant of a sweep as it ended in a run: its values, outcome, duration and metrics.</summary>
    public void VariantFinished(string runId, string task, string sweep, IReadOnlyDictionary<string, string> parameters, string outcome, double? seconds, string? metrics) =>
        Write(
            "INSERT OR REPLACE INTO variants (run_id, task, sweep, parameters, outcome, seconds, metrics) VALUES ($run, $task, $sweep, $parameters, $outcome, $seconds, $metrics)",
            ("$run", runId), ("$task", task), ("$sweep", sweep), ("$parameters", JsonSerializer.Serialize(parameters)), ("$outcome", outcome), ("$seconds", seconds), ("$metrics", metrics));

    private void CreateSchema()
    {
        try
        {
            Execute(Schema);
            if (!Query("PRAGMA table_info(runs)", row => row.GetString(1)).Contains("parameters"))
            {
                Execute("ALTER TABLE runs ADD COLUMN parameters TEXT");
            }

            if (Query("PRAGMA quick_check", row => row.GetString(0)).FirstOrDefault() != "ok")
            {
                throw new SqliteException("the integrity check failed", 11);
            }
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 11 or 26)
        {
            var aside = $"{Path}.corrupt-{TimeProvider.System.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}";
            SqliteConnection.ClearAllPools();
            File.Move(Path, aside);
            foreach (var suffix in new[] { "-wal", "-shm" })
            {
                File.Delete(Path + suffix);
            }

            warnings.WriteLine($"orchestrator: warning: {Path} was corrupt ({e.Message.TrimEnd('.')}); moved it to {aside} and started a new history");
            Execute(Schema);
        }
    }

    private void Write(string sql, params (string Name, object? Value)[] parameters)
    {
        try
        {
            Execute(sql, parameters);
        }
        catch (Exception e) when (e is SqliteException or IOException)
        {
            if (Interlocked.Increment(ref writeFailures) == 1)
            {
                warnings.WriteLine($"orchestrator: warning: cannot write the run history {Path} ({e.Message.TrimEnd('.')}); the run goes on unrecorded. Free disk space or move the file aside");
            }
        }
    }

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
            parameters TEXT);
        CREATE TABLE IF NOT EXISTS variants (
            run_id TEXT NOT NULL REFERENCES runs(id),
            task TEXT NOT NULL,
            sweep TEXT NOT NULL,
            parameters TEXT NOT NULL,
            outcome TEXT NOT NULL,
            seconds REAL,
            metrics TEXT,
            PRIMARY KEY (run_id, task));
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
