using System.Diagnostics;
using System.Globalization;
using Docker.DotNet;
using Orchestrator;
using Orchestrator.EngineTests.Fixtures;
using Orchestrator.Execution.Docker.Internal;
using Orchestrator.SwarmTests.Fixtures;

namespace WinePipeline.Bench.SwarmBench;

/// <summary>
/// The swarm executor's figures, each a ratio measured in one process: time per `true` task against
/// the docker executor; the wine pipeline end to end on the 3-node swarm against the docker executor;
/// a 9-variant sweep on 3 nodes against 1. Needs the test swarm (scripts/swarm-up.sh) and the wine
/// step images on the main engine (./build-task-images.sh 0.1), which it loads onto the nodes.
/// Usage: dotnet run -c Release --project bench/swarm-bench [runs]
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        using var manager = DockerEndpoint.CreateClient(TestSwarm.ManagerEngine);
        if (!await PrepareAsync(manager))
        {
            Console.Error.WriteLine($"swarm-bench: no swarm manager answers at {TestSwarm.ManagerEngine}; start the test swarm with scripts/swarm-up.sh");
            return 2;
        }

        Console.WriteLine($"{Environment.ProcessorCount} cores, load average {LoadAverage()}; the {TestSwarm.Nodes.Length} nodes share this host's cores");
        await TaskOverhead.MeasureAsync(manager, runs);
        await WineEndToEnd.MeasureAsync();
        await SweepSpread.MeasureAsync(manager);
        return 0;
    }

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    /// <summary>Wall time of a pipeline run through the CLI in this process; throws with its output when it fails.</summary>
    public static async Task<TimeSpan> TimeRunAsync(IEnumerable<string> arguments, Pipeline? pipeline = null)
    {
        var clock = Stopwatch.StartNew();
        var (exitCode, output) = await InProcessCli.RunAsync(arguments, pipeline);
        return exitCode == 0 ? clock.Elapsed : throw new InvalidOperationException($"the bench run failed with exit {exitCode}:\n{output}");
    }

    private static async Task<bool> PrepareAsync(DockerClient manager)
    {
        try
        {
            foreach (var node in await manager.Swarm.ListNodesAsync())
            {
                using var engine = DockerEndpoint.CreateClient(TestSwarm.NodeEngine(node.Description.Hostname));
                await BusyboxTestImage.EnsureAsync(engine);
            }

            using var main = DockerEndpoint.CreateClient(DockerEndpoint.Resolve(null));
            await BusyboxTestImage.EnsureAsync(main);
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or DockerApiException or System.Net.Sockets.SocketException)
        {
            return false;
        }
    }
}
