using Microsoft.Data.Sqlite;
using Orchestrator.Runs;

namespace Orchestrator.History;

internal sealed partial class RunHistory
{
    private const string RunColumns = "id, trigger, started, ended, outcome, summary, metrics, parameters";
    private const string VariantColumns = "run_id, task, sweep, parameters, outcome, seconds, metrics";
    private const string AttemptColumns = "run_id, task, attempt, started, ended, status, exit_code, reason, log_path";

    /// <summary>The most recent runs first.</summary>
    public IReadOnlyList<RunRecord> Runs(int limit = 100) =>
        Query($"SELECT {RunColumns} FROM runs ORDER BY started DESC, id DESC LIMIT $limit", ReadRun, ("$limit", limit));

    public RunRecord? Run(string runId) =>
        Query($"SELECT {RunColumns} FROM runs WHERE id = $id", ReadRun, ("$id", runId)).SingleOrDefault();

    /// <summary>The variants of the sweeps a run ran.</summary>
    public IReadOnlyList<VariantRecord> Variants(string runId) =>
        Query($"SELECT {VariantColumns} FROM variants WHERE run_id = $run ORDER BY task", ReadVariant, ("$run", runId));

    /// <summary>The latest runs that ran a sweep, most recent first, each with its variants.</summary>
    public IReadOnlyList<(RunRecord Run, IReadOnlyList<VariantRecord> Variants)> SweepRuns(int limit = 100)
    {
        var runs = Query(
            $"SELECT {RunColumns} FROM runs WHERE EXISTS (SELECT 1 FROM variants v WHERE v.run_id = runs.id) ORDER BY started DESC, id DESC LIMIT $limit",
            ReadRun, ("$limit", limit));
        var variants = Query(
            $"SELECT {VariantColumns} FROM variants WHERE run_id IN (SELECT id FROM runs WHERE EXISTS (SELECT 1 FROM variants v WHERE v.run_id = runs.id) ORDER BY started DESC, id DESC LIMIT $limit) ORDER BY task",
            ReadVariant, ("$limit", limit)).ToLookup(variant => variant.RunId, StringComparer.Ordinal);
        return runs.Select(run => (run, (IReadOnlyList<VariantRecord>)variants[run.Id].ToList())).ToList();
    }

    /// <summary>A variant of a sweep in any run, by its id ("Train[trees=100]") or "RUN/TASK".</summary>
    public VariantRecord? Variant(string reference)
    {
        var slash = reference.IndexOf('/', StringComparison.Ordinal);
        return Query(
            slash > 0
                ? $"SELECT {VariantColumns} FROM variants WHERE run_id = $run AND task = $task"
                : "SELECT v.run_id, v.task, v.sweep, v.parameters, v.outcome, v.seconds, v.metrics FROM variants v JOIN runs r ON r.id = v.run_id WHERE v.task = $task ORDER BY r.started DESC LIMIT 1",
            ReadVariant,
            ("$run", slash > 0 ? reference[..slash] : null), ("$task", slash > 0 ? reference[(slash + 1)..] : reference)).SingleOrDefault();
    }

    /// <summary>A run's attempts in the order they started.</summary>
    public IReadOnlyList<AttemptRecord> Attempts(string runId) =>
        Query(
            $"SELECT {AttemptColumns} FROM attempts WHERE run_id = $run ORDER BY started, task, attempt",
            ReadAttempt, ("$run", runId));

    /// <summary>The latest attempt of a task in any run, for its log.</summary>
    public AttemptRecord? LastAttempt(string task) =>
        Query(
            $"SELECT {AttemptColumns} FROM attempts WHERE task = $task ORDER BY started DESC, attempt DESC LIMIT 1",
            ReadAttempt, ("$task", task)).SingleOrDefault();

    /// <summary>The latest attempt of every task that has one, by task.</summary>
    public IReadOnlyDictionary<string, AttemptRecord> LatestAttempts() =>
        Query(
            $"SELECT {AttemptColumns} FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY task ORDER BY started DESC, attempt DESC) AS latest FROM attempts) WHERE latest = 1",
            ReadAttempt).ToDictionary(attempt => attempt.Task, StringComparer.Ordinal);

    private static RunRecord ReadRun(SqliteDataReader row) => new(
        row.GetString(0), row.GetString(1), Parse(row.GetString(2)), row.IsDBNull(3) ? null : Parse(row.GetString(3)),
        RunOutcomes.Parse(row.GetString(4)), Text(row, 5), Text(row, 6), Parameters(Text(row, 7)));

    private static VariantRecord ReadVariant(SqliteDataReader row) =>
        new(row.GetString(0), row.GetString(1), row.GetString(2), Parameters(row.GetString(3)), row.GetString(4), row.IsDBNull(5) ? null : row.GetDouble(5), Text(row, 6));

    private static IReadOnlyDictionary<string, string> Parameters(string? json)
    {
        try
        {
            return json is null ? new Dictionary<string, string>() : System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
        }
        catch (System.Text.Json.JsonException)
        {
            return new Dictionary<string, string>();
        }
    }

    private static AttemptRecord ReadAttempt(SqliteDataReader row) => new(
        row.GetString(0), row.GetString(1), row.GetInt32(2), Parse(row.GetString(3)), row.IsDBNull(4) ? null : Parse(row.GetString(4)),
        row.GetString(5), row.IsDBNull(6) ? null : row.GetInt32(6), Text(row, 7), Text(row, 8));

    private static string? Text(SqliteDataReader row, int column) => row.IsDBNull(column) ? null : row.GetString(column);

    private void Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = Connect();
        using var command = Command(connection, sql, parameters);
        command.ExecuteNonQuery();
    }

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        using var connection = Connect();
        using var command = Command(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
