using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Orchestrator.History;
using Orchestrator.Tests.Support;

namespace Orchestrator.Tests.Server;

/// <summary>
/// A local user who can write into the data root swaps a log or a plot for a link to a file of
/// theirs to read, or for a FIFO to hang the server; the server serves neither.
/// </summary>
public sealed class ServerFileConfinementTests
{
    private const string Secret = "root-only secret";

    [Fact]
    public async Task A_log_replaced_by_a_symlink_out_of_the_data_root_is_refused()
    {
        await using var server = await ServerHarness.StartAsync();
        using var outside = new TempDirectory();
        await server.RunToEndAsync();
        var log = LogOf(server, "Download");
        File.Delete(log);
        File.CreateSymbolicLink(log, SecretFile(outside));

        var response = await server.Client.GetAsync("/api/tasks/Download/log");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Secret, body);
        Assert.StartsWith($"refused to serve {log}: not a regular file inside ", Error(body));
    }

    [Fact]
    public async Task A_log_reached_through_a_symlinked_run_folder_is_refused()
    {
        await using var server = await ServerHarness.StartAsync();
        using var outside = new TempDirectory();
        await server.RunToEndAsync();
        var log = LogOf(server, "Download");
        var folder = Path.GetDirectoryName(log)!;
        File.WriteAllText(outside.Combine(Path.GetFileName(log)), Secret);
        Directory.Move(folder, folder + ".moved");
        Directory.CreateSymbolicLink(folder, outside.Path);

        var response = await server.Client.GetAsync("/api/tasks/Download/log");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(Secret, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_log_path_in_a_tampered_history_that_leaves_the_logs_folder_is_refused()
    {
        await using var server = await ServerHarness.StartAsync();
        using var outside = new TempDirectory();
        await server.RunToEndAsync("""{"target": "Train"}""");
        // The latest run did not run Download, so its log is found through the history.
        await server.RunToEndAsync();
        using (var connection = new SqliteConnection($"Data Source={RunHistory.Open(server.DataRoot).Path};Pooling=false"))
        {
            connection.Open();
            using var update = connection.CreateCommand();
            update.CommandText = "UPDATE attempts SET log_path = $path WHERE task = 'Download'";
            update.Parameters.AddWithValue("$path", SecretFile(outside));
            update.ExecuteNonQuery();
        }

        var response = await server.Client.GetAsync("/api/tasks/Download/log");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(Secret, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_log_replaced_by_a_fifo_is_refused_at_once_without_blocking_the_server()
    {
        await using var server = await ServerHarness.StartAsync();
        await server.RunToEndAsync();
        var log = LogOf(server, "Download");
        File.Delete(log);
        using (var mkfifo = Process.Start("mkfifo", [log]))
        {
            await mkfifo.WaitForExitAsync();
        }

        var response = await server.Client.GetAsync("/api/tasks/Download/log").WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_archived_plot_replaced_by_a_symlink_is_refused_and_a_regular_one_is_served()
    {
        await using var server = await ServerHarness.StartAsync();
        using var outside = new TempDirectory();
        var id = await server.RunToEndAsync();
        var archive = RunMetrics.ArchiveDirectory(server.DataRoot, id);
        File.Delete(Path.Combine(archive, "Residuals.png"));
        File.CreateSymbolicLink(Path.Combine(archive, "Residuals.png"), SecretFile(outside));

        var linked = await server.Client.GetAsync($"/api/runs/{id}/plots/Residuals.png");
        var regular = await server.Client.GetAsync($"/api/runs/{id}/plots/PredictedVsActual.png");
        var climbing = await server.Client.GetAsync($"/api/runs/..%2F..%2F..%2Fetc/plots/passwd.png");

        Assert.Equal(HttpStatusCode.Forbidden, linked.StatusCode);
        Assert.DoesNotContain(Secret, await linked.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, regular.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, climbing.StatusCode);
    }

    private static string LogOf(ServerHarness server, string task) =>
        RunHistory.Open(server.DataRoot).LastAttempt(task)?.LogPath ?? throw new InvalidOperationException($"{task} has no log");

    private static string SecretFile(TempDirectory outside)
    {
        var path = outside.Combine("secret.txt");
        File.WriteAllText(path, Secret);
        return path;
    }

    private static string? Error(string body) => JsonDocument.Parse(body).RootElement.GetProperty("error").GetString();
}
