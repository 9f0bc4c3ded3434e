using static System.FormattableString;

namespace WinePipeline.Bench.ExperimentBench;

/// <summary>The bench's printed figures: the variants of the serial run beside their times in the parallel one, the Pareto front and the wall-time ratio.</summary>
internal static class Report
{
    public static void Print(int rows, GridRun serial, GridRun parallel)
    {
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
        foreach (var run in new[] { serial, parallel })
        {
            Console.WriteLine(Invariant($"grid with --workers {run.Workers}: {run.WallSeconds:0.0} s wall (load average {run.LoadAtStart} at the start)"));
        }

        Console.WriteLine(Invariant($"wall-time ratio, 2 workers / 1 worker: {parallel.WallSeconds / serial.WallSeconds:0.00} (target: at most 0.6)"));
    }
}
