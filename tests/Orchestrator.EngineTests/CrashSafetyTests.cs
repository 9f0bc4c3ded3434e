using System.Diagnostics;
using Orchestrator.EngineTests.Fixtures;
using Orchestrator.Execution.Docker.Internal;

namespace Orchestrator.EngineTests;

/// <summary>
/// kill -9 of a real orchestrator process (the wine pipeline's program) while the TrainModel container
/// runs, then a rerun. Needs the wine/*:0.1 step images (./build-task-images.sh 0.1).
/// </summary>
[Collection(EngineCollection.Name)]
[Trait("Category", "Engine")]
public sealed class CrashSafetyTests(EngineFixture engine)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);
    private static readonly string[] TaskIds = ["DownloadData", "MakeDatasets", "CleanData", "ExtractFeatures", "TransformData", "ImputeData", "TrainModel", "EvaluateModel"];

    [Fact]
    public async Task Orchestrator_killed_while_the_TrainModel_container_runs_reattaches_on_rerun_and_matches_an_uninterrupted_run()
    {
        var reference = engine.NewDataRoot();
        var crashed = engine.NewDataRoot();
        try
        {
            await KillRerunAndCompareAsync(reference, crashed);
        }
        finally
        {
            await RemoveContainersAsync(crashed);
            await RemoveContainersAsync(reference);
        }
    }

    private async Task KillRerunAndCompareAsync(string reference, string crashed)
    {
        var (uninterruptedExit, uninterruptedOutput) = await RunAsync(reference);
        Assert.True(uninterruptedExit == 0, uninterruptedOutput);
        var trainModel = ContainerNames.Canonical(crashed, "TrainModel");

        var orphanId = await KillWhileTrainModelRunsAsync(crashed, trainModel);

        Assert.False(File.Exists(Path.Combine(crashed, "output", "model.zip")));
        var (exitCode, output) = await RunAsync(crashed, "--keep-containers");
        Assert.True(exitCode == 0, output);
        Assert.EndsWith("summary: 2 ran, 6 already complete, 0 failed", output.TrimEnd());
        Assert.Equal(orphanId, (await engine.FindAsync(trainModel))?.ID);
        Assert.Equal(
            File.ReadAllText(Path.Combine(reference, "output", "metrics.json")),
            File.ReadAllText(Path.Combine(crashed, "output", "metrics.json")));
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string dataRoot, params string[] extra)
    {
        using var orchestrator = Start([.. Arguments(dataRoot), .. extra]);
        var output = orchestrator.StandardOutput.ReadToEndAsync();
        var error = orchestrator.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        await orchestrator.WaitForExitAsync(timeout.Token);
        return (orchestrator.ExitCode, $"{await output}{await error}");
    }

    private static string[] Arguments(string dataRoot) =>
        ["run", "--executor", "docker", "--data-root", dataRoot, "-p", "dataset-url=sample://wine-reviews?rows=2000&seed=42"];

    /// <summary>The built orchestrator program as its own process, with none of the variables that would change its parameters or data root.</summary>
    private static Process Start(string[] arguments)
    {
        var startInfo = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        startInfo.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "orchestrator.dll"));
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var variable in new[] { "HOST_DATA_ROOT", "PROJECT_ROOT", "DATASET_URL", "PIPELINE_VERSION", "IMAGE_PREFIX" })
        {
            startInfo.Environment.Remove(variable);
        }

        return Process.Start(startInfo)!;
    }

    /// <summary>Runs the orchestrator, SIGKILLs it once the TrainModel container runs, and returns that container's id.</summary>
    private async Task<string> KillWhileTrainModelRunsAsync(string dataRoot, string trainModel)
    {
        using var orchestrator = Start(Arguments(dataRoot));
        _ = orchestrator.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        var seen = new List<string>();
        while (await orchestrator.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            seen.Add(line);
            if (line.StartsWith("==> TrainModel started", StringComparison.Ordinal))
            {
                await engine.WaitUntilRunningAsync(trainModel);
                orchestrator.Kill();
                await orchestrator.WaitForExitAsync(CancellationToken.None);
                return (await engine.FindAsync(trainModel))!.ID;
            }
        }

        throw new InvalidOperationException($"the orchestrator ended without starting TrainModel:\n{string.Join('\n', seen)}");
    }

    private async Task RemoveContainersAsync(string dataRoot)
    {
        foreach (var name in TaskIds.Select(id => ContainerNames.Canonical(dataRoot, id)))
        {
            if (await engine.FindAsync(name) is { } container)
            {
                await engine.Client.Containers.RemoveContainerAsync(container.ID, new() { Force = true });
            }
        }
    }
}
