using System.Diagnostics;
using System.Globalization;
using Orchestrator.Cli;
using WinePipeline;

namespace WinePipeline.Bench.ExperimentBench;

/// <summary>
/// The wine Experiment's 3 x 3 grid (trees 50/100/200 x leaves 250/500/1000) trained and scored as local
/// processes on the 10,000-row sample, once with one worker and once with two, each in a fresh data root.
/// Prints each variant's validation MSE and training time, the Pareto front of the two, and the wall
/// time of the grid with two workers over one (target: at most 0.6 on 2 cores), with the load average.
/// ROUNDS repeats the pair, the order swapped each round, so that load drifting on a shared machine
/// favours neither; the ratio is then the median of the rounds'.
/// Usage: dotnet run -c Release --project bench/experiment-bench [ROWS] [ROUNDS]
/// </summary>
public static class ExperimentBench
{
    private const string Grid = "-p experiment-trees=50,100,200 -p experiment-leaves=250,500,1000";

    public static async Task<int> Main(string[] args)
    {
        var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
        var pipeline = Wine.Define(Checkout.Root());
        var log = Path.Combine(Path.GetTempPath(), "experiment-bench.log");
        await using var output = new StreamWriter(log);
        var environment = new CliEnvironment(output, output, TimeProvider.System) { Pipeline = pipeline };

        var runs = new List<GridRun>();
        foreach (var workers in Enumerable.Range(0, rounds).SelectMany(round => round % 2 == 0 ? new[] { 1, 2 } : [2, 1]))
        {
            var dataRoot = Directory.CreateTempSubdirectory("experiment-bench-").FullName;
            try
            {
                string[] common = ["--executor", "process", "--data-root", dataRoot, "-p", $"dataset-url=sample://wine-reviews?rows={rows}&seed=42"];
                await RunAsync(environment, ["run", "ImputeData", .. common], log);
                var load = LoadAverage();
                var clock = Stopwatch.StartNew();
                await RunAsync(environment, ["run", "SelectModel", "--workers", workers.ToString(CultureInfo.InvariantCulture), .. common, .. Grid.Split(' ')], log);
                runs.Add(new GridRun(workers, clock.Elapsed.TotalSeconds, load, VariantResult.Read(Path.Combine(dataRoot, "output", "experiments", "results.json"))));
            }
            finally
            {
                Directory.Delete(dataRoot, recursive: true);
            }
        }

        Report.Print(rows, runs);
        return 0;
    }

    private static async Task RunAsync(CliEnvironment environment, string[] args, string log)
    {
        if (await new CliApp(environment).RunAsync(args, CancellationToken.None) != 0)
        {
            throw new InvalidOperationException($"orchestrator {string.Join(' ', args)} failed; see {log}");
        }
    }

    /// <summary>The 1-minute load average, to judge how much other work shared the cores.</summary>
    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];
}
