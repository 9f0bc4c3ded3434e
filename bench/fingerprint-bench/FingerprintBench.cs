using System.Diagnostics;
using System.Globalization;
using Orchestrator.Cli;
using Orchestrator.Execution.Docker;
using Orchestrator.Fingerprints;
using Orchestrator.Graph;
using WinePipeline.Pipeline;
using Orchestrator.Planning;

namespace WinePipeline.Bench.FingerprintBench;

/// <summary>
/// Runs the wine pipeline up to TARGET on a ROWS-row sample with the process executor, then times the
/// fingerprint check of a rerun where everything is skipped (loading the hash cache, checking every
/// task's outputs, parameters, code and inputs, planning). Targets: &lt; 100 ms at 10,000 rows,
/// &lt; 1 s at 1,000,000 rows (fast path).
/// Usage: dotnet run -c Release --project bench/fingerprint-bench -- [ROWS] [TARGET] [DATA_ROOT]
/// (defaults 10000, EvaluateModel, a new temp folder; an existing complete DATA_ROOT is reused).
/// </summary>
public static class FingerprintBench
{
    private const int Repetitions = 5;

    public static async Task<int> Main(string[] args)
    {
        var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var target = args.Length > 1 ? args[1] : WinePipeline.Pipeline.WinePipeline.DefaultTarget;
        var dataRoot = args.Length > 2 ? Path.GetFullPath(args[2]) : Directory.CreateTempSubdirectory("fingerprint-bench-").FullName;
        var url = $"sample://wine-reviews?rows={rows}&seed=42";

        var clock = Stopwatch.StartNew();
        var exitCode = await new CliApp(new CliEnvironment(TextWriter.Null, Console.Error, TimeProvider.System))
            .RunAsync(["run", target, "--executor", "process", "--data-root", dataRoot, "--dataset-url", url], CancellationToken.None);
        if (exitCode != 0)
        {
            Console.Error.WriteLine($"fingerprint-bench: the pipeline run failed with exit code {exitCode}");
            return 1;
        }

        Console.WriteLine($"{rows} rows up to {target} in {dataRoot}: pipeline ready in {clock.Elapsed.TotalSeconds:0.0} s");
        var graph = TaskGraph.Create(WinePipeline.Pipeline.WinePipeline.Tasks(PipelineParameters.Default with { DatasetUrl = url }));
        var timings = Enumerable.Range(0, Repetitions).Select(_ => TimeCheck(graph, dataRoot, target)).ToList();
        if (timings.Any(timing => timing is null))
        {
            return 1;
        }

        var sorted = timings.Select(timing => timing!.Value.TotalMilliseconds).Order().ToList();
        Console.WriteLine($"fast path (hash cache warm): first {timings[0]!.Value.TotalMilliseconds:0.0} ms, median {sorted[Repetitions / 2]:0.0} ms, max {sorted[^1]:0.0} ms");

        File.Delete(Path.Combine(dataRoot, ".orchestrator", "hash-cache.json"));
        Console.WriteLine($"slow path (hash cache deleted, every file re-read): {TimeCheck(graph, dataRoot, target)!.Value.TotalMilliseconds:0.0} ms");
        return 0;
    }

    /// <summary>What `run` does before deciding there is nothing to run; null when something was not complete.</summary>
    private static TimeSpan? TimeCheck(TaskGraph graph, string dataRoot, string target)
    {
        var clock = Stopwatch.StartNew();
        var hashes = ContentHashes.Load(dataRoot);
        var plan = Planner.Plan(graph, new FingerprintCompletion(dataRoot, hashes, new CodeVersionLookup(hashes, DockerImageIds.TryGet)), [target], []);
        hashes.Save();
        var elapsed = clock.Elapsed;
        if (plan.ToRun.Any())
        {
            Console.Error.WriteLine($"fingerprint-bench: expected everything complete, got: {string.Join("; ", plan.ToRun.Select(task => $"{task.Task.Id} {task.State.Reason}"))}");
            return null;
        }

        return elapsed;
    }
}
