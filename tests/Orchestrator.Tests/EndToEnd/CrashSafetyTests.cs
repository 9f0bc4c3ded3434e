using System.Diagnostics;
using Orchestrator.Execution.Process;
using Orchestrator.Tests.Support;

namespace Orchestrator.Tests.EndToEnd;

/// <summary>kill -9 of a real orchestrator process while TrainModel runs, then a rerun: the orphaned step is stopped and the result equals an uninterrupted run's.</summary>
[Collection(ProcessPipelineCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class CrashSafetyTests(ProcessPipelineFixture uninterrupted) : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

    private readonly TempDirectory temp = new();

    private string DataRoot => temp.Combine("data_root");

    [Fact]
    public async Task Orchestrator_killed_while_TrainModel_runs_leaves_no_partial_model_and_the_rerun_matches_an_uninterrupted_run()
    {
        Assert.True(uninterrupted.FirstRun.ExitCode == 0, uninterrupted.FirstRun.ToString());
        var arguments = ProcessPipelineFixture.Arguments(DataRoot);

        var orphan = await KillWhileTrainModelRunsAsync(arguments);

        Assert.True(IsRunning(orphan), "train_model finished before the kill; the test did not interrupt it");
        Assert.False(File.Exists(Path.Combine(DataRoot, "output", "model.zip")));
        Assert.Empty(PartialFilesOutsideBookkeeping());
        var rerun = await CliRunner.RunWineAsync(arguments);
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Equal("summary: 2 ran, 6 already complete, 0 failed", rerun.LastLine);
        Assert.False(IsRunning(orphan), $"the orphaned train_model process {orphan} is still running");
        Assert.Equal(
            File.ReadAllText(Path.Combine(uninterrupted.DataRoot, "output", "metrics.json")),
            File.ReadAllText(Path.Combine(DataRoot, "output", "metrics.json")));
        Assert.Equal(
            File.ReadAllBytes(Path.Combine(uninterrupted.DataRoot, "interim", "train_features.csv")),
            File.ReadAllBytes(Path.Combine(DataRoot, "interim", "train_features.csv")));
    }

    public void Dispose() => temp.Dispose();

    /// <summary>
    /// Starts the built orchestrator as its own process and SIGKILLs it once the train_model step process
    /// runs; returns that step's pid, which the kill leaves orphaned.
    /// </summary>
    private async Task<int> KillWhileTrainModelRunsAsync(string[] arguments)
    {
        var startInfo = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        startInfo.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "orchestrator.dll"));
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var orchestrator = Process.Start(startInfo)!;
        var seen = new List<string>();
        _ = orchestrator.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        while (await orchestrator.StandardOutput.ReadLineAsync(timeout.Token) is { } output)
        {
            seen.Add(output);
            if (output.StartsWith("==> TrainModel started", StringComparison.Ordinal))
            {
                var step = await StepPidAsync(timeout.Token);
                orchestrator.Kill(); // SIGKILL: no handler runs, nothing is cleaned up.
                await orchestrator.WaitForExitAsync(CancellationToken.None);
                return step;
            }
        }

        throw new InvalidOperationException($"the orchestrator ended without starting TrainModel:\n{string.Join('\n', seen)}");
    }

    /// <summary>The train_model process's pid: the process carrying the token of the record the process executor keeps while it runs.</summary>
    private async Task<int> StepPidAsync(CancellationToken cancellation)
    {
        var record = Path.Combine(DataRoot, ".orchestrator", "processes", "TrainModel.token");
        while (!File.Exists(record) || (await File.ReadAllTextAsync(record, cancellation)).Length == 0)
        {
            await Task.Delay(20, cancellation);
        }

        var token = await File.ReadAllTextAsync(record, cancellation);
        List<int> carrying;
        while ((carrying = StepProcesses.Carrying(token)).Count == 0)
        {
            await Task.Delay(20, cancellation);
        }

        return carrying[0];
    }

    // A killed orphan may linger as a zombie until init reaps it; that is not running.
    private static bool IsRunning(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        return File.Exists(stat) && File.ReadAllText(stat).Split(") ")[^1][0] != 'Z';
    }

    private IEnumerable<string> PartialFilesOutsideBookkeeping() =>
        Directory.EnumerateFiles(DataRoot, "*", SearchOption.AllDirectories)
            .Where(path => !Path.GetRelativePath(DataRoot, path).StartsWith(".orchestrator", StringComparison.Ordinal))
            .Where(path => path.Contains(".partial", StringComparison.Ordinal));
}
