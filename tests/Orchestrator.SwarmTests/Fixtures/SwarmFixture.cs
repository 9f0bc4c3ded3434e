using Docker.DotNet;
using Docker.DotNet.Models;
using Orchestrator.EngineTests.Fixtures;
using Orchestrator.Execution;
using Orchestrator.Execution.Docker;
using Orchestrator.Execution.Docker.Internal;
using Orchestrator.Execution.Staging;
using Orchestrator.Execution.Swarm;
using Orchestrator.Execution.Swarm.Internal;

namespace Orchestrator.SwarmTests.Fixtures;

/// <summary>
/// The real test swarm with the busybox test image on every node. When the swarm is not up (a
/// developer running these tests alone) the fixture brings it up with scripts/swarm-up.sh and tears
/// it down at the end; .ci/run brings it up itself. It fails, never skips, when it cannot. Every
/// service the tests create carries this fixture's run id and is removed at the end.
/// </summary>
public sealed class SwarmFixture : IAsyncLifetime
{
    private const string ReadyNode = "ready";

    private readonly List<string> dataRoots = [];
    private bool broughtUp;

    public string RunId { get; } = $"swarmtest-{Guid.NewGuid():N}"[..18];

    internal DockerClient Manager { get; } = DockerEndpoint.CreateClient(TestSwarm.ManagerEngine);

    public async Task InitializeAsync()
    {
        if (!await AllNodesReadyAsync())
        {
            broughtUp = true;
            await TestSwarm.RunScriptAsync("swarm-up.sh");
        }

        foreach (var node in TestSwarm.Nodes)
        {
            using var engine = DockerEndpoint.CreateClient(TestSwarm.NodeEngine(node));
            await BusyboxTestImage.EnsureAsync(engine);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var service in await ServicesAsync($"{ContainerLabels.RunId}={RunId}"))
        {
            await Manager.Swarm.RemoveServiceAsync(service.ID);
        }

        foreach (var dataRoot in dataRoots)
        {
            Directory.Delete(dataRoot, recursive: true);
        }

        Manager.Dispose();
        if (broughtUp)
        {
            await TestSwarm.RunScriptAsync("swarm-down.sh");
        }
    }

    /// <summary>A data root every node sees at the same path, and the folder the engine would stage <paramref name="stagingFor"/>'s outputs in.</summary>
    public string NewDataRoot(string? stagingFor = null)
    {
        var dataRoot = TestSwarm.NewSharedDataRoot("swarm-test-");
        dataRoots.Add(dataRoot);
        if (stagingFor is not null)
        {
            Directory.CreateDirectory(StagingPaths.StagingDirectory(dataRoot, stagingFor));
        }

        return dataRoot;
    }

    internal TaskInvocation Invocation(string taskId, string script, int attempt = 0) =>
        new(taskId, RunId, attempt, BusyboxTestImage.Name, [], ["sh", "-c", script]);

    /// <summary>An executor that polls often; <paramref name="nodeEngines"/> false leaves it unable to ask nodes about OOM kills.</summary>
    internal static SwarmExecutor Executor(string dataRoot, bool nodeEngines = true) =>
        new(new SwarmExecutorSettings(dataRoot, dataRoot) { NodeEngineTemplate = nodeEngines ? TestSwarm.NodeEngineTemplate : null }, TestSwarm.ManagerEngine, TimeProvider.System);

    /// <summary>Every service (running, finished or failed) of this fixture's run for the task.</summary>
    internal Task<IEnumerable<SwarmService>> ServicesOfTaskAsync(string taskId) =>
        ServicesAsync($"{ContainerLabels.RunId}={RunId}", $"{ContainerLabels.Task}={taskId}");

    /// <summary>Every service of the task (null: of any task) on the data root, whoever made it.</summary>
    internal Task<IEnumerable<SwarmService>> ServicesOnDataRootAsync(string dataRoot, string? taskId = null) =>
        taskId is null ? ServicesAsync($"{ContainerLabels.DataRoot}={dataRoot}") : ServicesAsync($"{ContainerLabels.DataRoot}={dataRoot}", $"{ContainerLabels.Task}={taskId}");

    /// <summary>The node id of each running task of the services on the data root, by the task id in their labels.</summary>
    internal async Task<Dictionary<string, string>> RunningNodesOnDataRootAsync(string dataRoot, CancellationToken cancellation)
    {
        var nodes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var service in await ServicesOnDataRootAsync(dataRoot))
        {
            if (await RunningTaskAsync(service.ID, cancellation) is { } running)
            {
                nodes[service.Spec.Labels[ContainerLabels.Task]] = running.NodeID;
            }
        }

        return nodes;
    }

    /// <summary>Waits until a service of the task (other than <paramref name="except"/>) has a running task, and returns its id and the hostname of its node.</summary>
    internal async Task<(string ServiceId, string Node)> WaitUntilRunningAsync(string dataRoot, string taskId, TimeSpan timeout, string? except = null)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            foreach (var service in (await ServicesOnDataRootAsync(dataRoot, taskId)).Where(service => service.ID != except))
            {
                if (await RunningTaskAsync(service.ID, deadline.Token) is { } running)
                {
                    var node = await Manager.Swarm.InspectNodeAsync(running.NodeID, deadline.Token);
                    return (service.ID, node.Description.Hostname);
                }
            }

            await Task.Delay(100, deadline.Token);
        }
    }

    /// <summary>Starts the daemons of killed nodes again (they rejoin the swarm) and waits until every node is ready.</summary>
    public static Task ReviveNodesAsync() => TestSwarm.RunScriptAsync("swarm-up.sh");

    private async Task<bool> AllNodesReadyAsync()
    {
        if (await DockerEndpoint.PingAsync(Manager, CancellationToken.None) is not null)
        {
            return false;
        }

        try
        {
            var nodes = await Manager.Swarm.ListNodesAsync();
            return nodes.Count(node => node.Status.State == ReadyNode) == TestSwarm.Nodes.Length;
        }
        catch (DockerApiException)
        {
            return false;
        }
    }

    /// <summary>The service's running task; null when it has none, or when the service was removed since it was listed.</summary>
    private async Task<TaskResponse?> RunningTaskAsync(string serviceId, CancellationToken cancellation)
    {
        try
        {
            return (await ServiceTasks.ListAsync(Manager, serviceId, cancellation)).FirstOrDefault(task => task.Status.State == TaskState.Running);
        }
        catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private Task<IEnumerable<SwarmService>> ServicesAsync(params string[] labels) =>
        Manager.Swarm.ListServicesAsync(new ServicesListParameters { Filters = new ServiceFilter { Label = labels } });
}
