using System.Diagnostics;
using Docker.DotNet;
using Docker.DotNet.Models;
using Orchestrator.EngineTests.Fixtures;
using Orchestrator.Execution;
using Orchestrator.Execution.Docker;
using Orchestrator.Execution.Swarm;
using Orchestrator.Execution.Swarm.Internal;
using Orchestrator.Graph;
using Orchestrator.SwarmTests.Fixtures;

namespace WinePipeline.Bench.SwarmBench;

/// <summary>
/// Time per `true` task of the swarm executor against the docker executor (on the main engine) and
/// against a bare swarm job (create, poll until complete, remove), taking turns.
/// </summary>
internal static class TaskOverhead
{
    private const string Docker = "docker executor (main engine)";
    private const string Isolated = "swarm executor, isolated task";
    private const string Networked = "swarm executor, networked task";
    private const string Bare = "bare swarm job (default network)";

    public static async Task MeasureAsync(DockerClient manager, int runs)
    {
        var dataRoot = TestSwarm.NewSharedDataRoot("swarm-bench-");
        try
        {
            using var swarm = new SwarmExecutor(new SwarmExecutorSettings(dataRoot, dataRoot) { NodeEngineTemplate = TestSwarm.NodeEngineTemplate }, TestSwarm.ManagerEngine, TimeProvider.System);
            using var docker = new DockerExecutor(new DockerExecutorSettings(dataRoot, dataRoot, KeepContainers: false));
            var isolated = new TaskInvocation("Overhead", "bench", 0, BusyboxTestImage.Name, [], ["true"]);
            var networked = isolated with { NeedsNetwork = true };
            await swarm.EnsureReadyAsync([new TaskDefinition("Overhead", [], [], new Dictionary<string, string>()) { Image = BusyboxTestImage.Name }], CancellationToken.None);

            var contenders = new Dictionary<string, Func<Task>>
            {
                [Docker] = () => Succeed(docker.ExecuteAsync(isolated, new DiscardedLog(), CancellationToken.None)),
                [Isolated] = () => Succeed(swarm.ExecuteAsync(isolated, new DiscardedLog(), CancellationToken.None)),
                [Networked] = () => Succeed(swarm.ExecuteAsync(networked, new DiscardedLog(), CancellationToken.None)),
                [Bare] = () => BareJobAsync(manager),
            };
            var timings = contenders.Keys.ToDictionary(name => name, _ => new List<double>());
            foreach (var contender in contenders.Values)
            {
                await TimeAsync(contender);
            }

            for (var run = 0; run < runs; run++)
            {
                foreach (var (name, contender) in contenders)
                {
                    timings[name].Add(await TimeAsync(contender));
                }
            }

            Console.WriteLine(FormattableString.Invariant($"-- per task: true, {runs} runs each, load average {Program.LoadAverage()}"));
            foreach (var (name, times) in timings)
            {
                Console.WriteLine(FormattableString.Invariant($"{name,-34}: mean {times.Average():0} ms, median {Median(times):0} ms"));
            }

            var dockerMedian = Median(timings[Docker]);
            Console.WriteLine(FormattableString.Invariant(
                $"ratio swarm / docker executor (medians): isolated {Median(timings[Isolated]) / dockerMedian:0.0}x, networked {Median(timings[Networked]) / dockerMedian:0.0}x"));
            Console.WriteLine(FormattableString.Invariant($"ratio swarm executor (networked) / bare swarm job: {Median(timings[Networked]) / Median(timings[Bare]):0.00}x"));
        }
        finally
        {
            Directory.Delete(dataRoot, recursive: true);
        }
    }

    /// <summary>The swarm's own floor: a ReplicatedJob of `true` with no network named, polled until complete, then removed.</summary>
    private static async Task BareJobAsync(DockerClient manager)
    {
        var spec = new ServiceSpec
        {
            Name = "swarm-bench-bare",
            Mode = new ServiceMode { ReplicatedJob = new ReplicatedJob { MaxConcurrent = 1, TotalCompletions = 1 } },
            TaskTemplate = new TaskSpec { ContainerSpec = new ContainerSpec { Image = BusyboxTestImage.Name, Args = ["true"] }, RestartPolicy = new SwarmRestartPolicy { Condition = "none" } },
        };
        var id = (await manager.Swarm.CreateServiceAsync(new ServiceCreateParameters { Service = spec })).ID;
        while (!(await ServiceTasks.ListAsync(manager, id, CancellationToken.None)).Any(task => task.Status.State == TaskState.Complete))
        {
            await Task.Delay(100);
        }

        await manager.Swarm.RemoveServiceAsync(id);
    }

    private static async Task Succeed(Task<ExecutionResult> attempt)
    {
        var result = await attempt;
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"the bench task failed: {result.Message ?? string.Join('\n', result.StderrTail)}");
        }
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var clock = Stopwatch.StartNew();
        await action();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> times) => times.Order().ElementAt(times.Count / 2);

    private sealed class DiscardedLog : ITaskLog
    {
        public void Line(LogStream stream, string text)
        {
        }
    }
}
