using System.Diagnostics;
using Orchestrator.Graph;
using Orchestrator.Planning;

namespace WinePipeline.Bench.PlanBench;

/// <summary>
/// Plans a generated graph of N tasks (default 10,000) whose outputs all exist, on a real data root,
/// and prints how long validation and planning took. Target: under one second.
/// Usage: dotnet run -c Release --project bench/plan-bench [TASKS]
/// </summary>
public static class PlanBench
{
    public static int Main(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
        var dataRoot = Directory.CreateTempSubdirectory("plan-bench-").FullName;
        try
        {
            var tasks = Generate(count);
            foreach (var task in tasks)
            {
                File.WriteAllText(Path.Combine(dataRoot, task.Outputs[0].Path), string.Empty);
            }

            var clock = Stopwatch.StartNew();
            var graph = TaskGraph.Create(tasks);
            var validated = clock.Elapsed;
            var plan = Planner.Plan(graph, new FileSystemOutputState(dataRoot), [tasks[^1].Id], []);
            var total = clock.Elapsed;

            if (plan.Tasks.Count != count || plan.ToRun.Any())
            {
                Console.Error.WriteLine($"plan-bench: expected {count} complete tasks, got {plan.CompleteCount} of {plan.Tasks.Count}");
                return 1;
            }

            Console.WriteLine($"{count} tasks, all outputs present: validate {validated.TotalMilliseconds:0} ms, plan {(total - validated).TotalMilliseconds:0} ms, total {total.TotalMilliseconds:0} ms");
            return 0;
        }
        finally
        {
            Directory.Delete(dataRoot, recursive: true);
        }
    }

    // Each task depends on the one before it and on the one at half its index, so the last task needs them all.
    private static List<TaskDefinition> Generate(int count) =>
        Enumerable.Range(0, count).Select(i => new TaskDefinition(
            $"T{i}",
            i == 0 ? [] : new[] { $"T{i - 1}", $"T{i / 2}" }.Distinct().ToArray(),
            [TaskOutput.File($"t{i}.out")],
            new Dictionary<string, string>()) { Image = "bench/step:1" }).ToList();
}
