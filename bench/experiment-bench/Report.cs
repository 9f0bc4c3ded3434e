using static System.FormattableString;

namespace WinePipeline.Bench.ExperimentBench;

/// <summary>The bench's printed figures: the variants of the first serial run beside their times in the first parallel one, the Pareto front and the wall-time ratios.</summary>
internal static class Report
{
    public static void Print(int rows, IReadOnlyList<GridRun> runs)
    {
        var serial = runs.First(run => run.Workers == 1);
        var parallel = runs.First(run => run.Workers == 2);
        Console.WriteLine(Invariant($"{serial.Variants.Count} variants on the {rows:N0}-row sample, trained on 90% of the training rows and scored on the last 10%"));
        Console.WriteLine(Invariant($"{"variant",-28} {"valid. MSE",10} {"train s (1 worker)",19} {"train s (2 workers)",20} {"Pareto",7}"));
        var parallelTimes = parallel.Variants.ToDictionary(variant => variant.Id, variant => variant.TrainingSeconds);
        foreach (var variant in serial.Variants.OrderBy(variant => variant.ValidationMse))
        {
            var marks = (variant.IsOnParetoFront(serial.Variants) ? "yes" : "") + (variant.Chosen ? " (chosen)" : "");
            Console.WriteLine(Invariant($"{variant.Id,-28} {variant.ValidationMse,10:0.0000} {variant.TrainingSeconds,19:0.00} {parallelTimes.GetValueOrDefault(variant.Id, double.NaN),20:0.00} {marks,7}"));
        }

        var front = serial.Variants.Where(variant => variant.IsOnParetoFront(serial.Variants)).OrderBy(variant => variant.TrainingSeconds);
        Console.WriteLine("Pareto front (MSE vs training time, 1 worker): " + string.Join(" -> ", front.Select(variant => Invariant($"{variant.Id} {variant.ValidationMse:0.0000} in {variant.TrainingSeconds:0.00} s"))));
        foreach (var run in runs)
        {
            Console.WriteLine(Invariant($"grid with --workers {run.Workers}: {run.WallSeconds:0.0} s wall (load average {run.LoadAtStart} at the start)"));
        }

        var ratios = runs.Chunk(2).Select(pair => pair.Single(run => run.Workers == 2).WallSeconds / pair.Single(run => run.Workers == 1).WallSeconds).Order().ToList();
        Console.WriteLine(Invariant($"wall-time ratio, 2 workers / 1 worker: {ratios[ratios.Count / 2]:0.00}{(ratios.Count > 1 ? Invariant($" (median of {ratios.Count} rounds: {string.Join(", ", ratios.Select(r => r.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))})") : "")} (target: at most 0.6)"));
    }
}
