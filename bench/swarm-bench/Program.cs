using System.Diagnostics;
using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;
using Orchestrator.EngineTests.Fixtures;
using Orchestrator.Execution;
using Orchestrator.Execution.Docker;
using Orchestrator.Execution.Swarm;
using Orchestrator.Graph;

namespace WinePipeline.Bench.SwarmBench;

/// <summary>
/// Time per `true` task of the swarm executor against the docker executor (on the main engine) and
/// against a bare swarm job (create, poll until complete, remove), alternating, in one process; then
/// six one-second tasks three at a time. Needs the test swarm: scripts/swarm-up.sh.
/// Usage: dotnet run -c Release --project bench/swarm-bench [runs]
/// </summary>
public static class Program
{
    private const string NodeEngineTemplate = "unix:///run/swarmtest/{node}.sock";
    private static readonly Uri Manager = new("unix:///run/swarmtest/swarmtest-1.sock");
    private static readonly Uri MainEngine = new("unix:///var/run/docker.sock");

    public static async Task<int> Main(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        using var manager = new DockerClientConfiguration(Manager).CreateClient();
        if (!await PrepareAsync(manager))
        {
            Console.Error.WriteLine($"swarm-bench: no swarm manager answers at {Manager}; start the test swarm with scripts/swarm-up.sh");
            return 2;
        }

        var dataRoot = Directory.CreateTempSubdirectory("swarm-bench-").FullName;
        try
        {
            using var swarm = new SwarmExecutor(new SwarmExecutorSettings(dataRoot, dataRoot) { NodeEngineTemplate = NodeEngineTemplate }, Manager, TimeProvider.System);
            using var docker = new DockerExecutor(new DockerExecutorSettings(dataRoot, dataRoot, KeepContainers: false));
            var isolated = new TaskInvocation("Overhead", "bench", 0, BusyboxTestImage.Name, [], ["true"]);
            var networked = isolated with { NeedsNetwork = true };
            await swarm.EnsureReadyAsync([new TaskDefinition("Overhead", [], [], new Dictionary<string, string>()) { Image = BusyboxTestImage.Name }], CancellationToken.None);

            var timings = new Dictionary<string, List<double>>
            {
                ["docker executor (main engine)"] = [],
                ["swarm executor, isolated task"] = [],
                ["swarm executor, networked task"] = [],
                ["bare swarm job (default network)"] = [],
            };
            Func<Task>[] contenders =
            [
                () => Succeed(docker.ExecuteAsync(isolated, new DiscardedLog(), CancellationToken.None)),
                () => Succeed(swarm.ExecuteAsync(isolated, new DiscardedLog(), CancellationToken.None)),
                () => Succeed(swarm.ExecuteAsync(networked, new DiscardedLog(), CancellationToken.None)),
                () => BareJobAsync(manager),
            ];
            foreach (var contender in contenders)
            {
                await TimeAsync(contender);
            }

            for (var run = 0; run < runs; run++)
            {
                foreach (var (times, contender) in timings.Values.Zip(contenders))
                {
                    times.Add(await TimeAsync(contender));
                }
            }

            Console.WriteLine(FormattableString.Invariant($"runs: {runs} each, task: true, {Environment.ProcessorCount} cores, load average {LoadAverage()}"));
            foreach (var (name, times) in timings)
            {
                Console.WriteLine(FormattableString.Invariant($"{name,-34}: mean {times.Average():0} ms, median {Median(times):0} ms"));
            }

            var dockerMedian = Median(timings["docker executor (main engine)"]);
            var isolatedMedian = Median(timings["swarm executor, isolated task"]);
            var networkedMedian = Median(timings["swarm executor, networked task"]);
            var bareMedian = Median(timings["bare swarm job (default network)"]);
            Console.WriteLine(FormattableString.Invariant($"ratio swarm / docker executor (medians): isolated {isolatedMedian / dockerMedian:0.0}x, networked {networkedMedian / dockerMedian:0.0}x"));
            Console.WriteLine(FormattableString.Invariant($"ratio swarm executor (networked) / bare swarm job: {networkedMedian / bareMedian:0.00}x"));

            await SpreadAsync(swarm, isolated);
            return 0;
        }
        finally
        {
            Directory.Delete(dataRoot, recursive: true);
        }
    }

    /// <summary>Six one-second tasks, three at a time: on one node they would need six seconds plus overhead.</summary>
    private static async Task SpreadAsync(SwarmExecutor swarm, TaskInvocation template)
    {
        using var slots = new SemaphoreSlim(3);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(1, 6).Select(async i =>
        {
            await slots.WaitAsync();
            try
            {
                await Succeed(swarm.ExecuteAsync(template with { TaskId = $"Spread{i}", Arguments = ["sleep", "1"] }, new DiscardedLog(), CancellationToken.None));
            }
            finally
            {
                slots.Release();
            }
        }));
        Console.WriteLine(FormattableString.Invariant($"six 1 s isolated tasks, three at a time on the swarm: {clock.Elapsed.TotalSeconds:0.0} s"));
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
        var filter = new TasksListParameters { Filters = new Dictionary<string, IDictionary<string, bool>> { ["service"] = new Dictionary<string, bool> { [id] = true } } };
        while (!(await manager.Tasks.ListAsync(filter)).Any(task => task.Status.State == TaskState.Complete))
        {
            await Task.Delay(100);
        }

        await manager.Swarm.RemoveServiceAsync(id);
    }

    private static async Task<bool> PrepareAsync(DockerClient manager)
    {
        try
        {
            foreach (var node in await manager.Swarm.ListNodesAsync())
            {
                using var engine = new DockerClientConfiguration(new Uri(NodeEngineTemplate.Replace("{node}", node.Description.Hostname, StringComparison.Ordinal))).CreateClient();
                await BusyboxTestImage.EnsureAsync(engine);
            }

            using var main = new DockerClientConfiguration(MainEngine).CreateClient();
            await BusyboxTestImage.EnsureAsync(main);
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or DockerApiException or System.Net.Sockets.SocketException)
        {
            return false;
        }
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

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    private sealed class DiscardedLog : ITaskLog
    {
        public void Line(LogStream stream, string text)
        {
        }
    }
}
