using Microsoft.Data.Sqlite;

namespace WinePipeline.Orchestrator.History;

public sealed partial class RunHistory
{
    private const string RunColumns = "id, trigger, started, ended, outcome, summary, metrics, mse, r2";
    private const string AttemptColumns = "run_id, task, attempt, started, ended, status, exit_code, reason, log_path";

    /// <summary>The most recent runs first.</summary>
    public IReadOnlyList<RunRecord> Runs(int limit = 100) =>
        Query($"SELECT {RunColumns} FROM runs ORDER BY started DESC, id DESC LIMIT $limit", ReadRun, ("$limit", limit));

    public RunRecord? Run(string runId) =>
        Query($"SELECT {RunColumns} FROM runs WHERE id = $id", ReadRun, ("$id", runId)).SingleOrDefault();

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
        row.GetString(4), Text(row, 5), Text(row, 6), Number(row, 7), Number(row, 8));

    private static AttemptRecord ReadAttempt(SqliteDataReader row) => new(
        row.GetString(0), row.GetString(1), row.GetInt32(2), Parse(row.GetString(3)), row.IsDBNull(4) ? null : Parse(row.GetString(4)),
        row.GetString(5), row.IsDBNull(6) ? null : row.GetInt32(6), Text(row, 7), Text(row, 8));

    private static string? Text(SqliteDataReader row, int column) => row.IsDBNull(column) ? null : row.GetString(column);

    private static double? Number(SqliteDataReader row, int column) => row.IsDBNull(column) ? null : row.GetDouble(column);

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
