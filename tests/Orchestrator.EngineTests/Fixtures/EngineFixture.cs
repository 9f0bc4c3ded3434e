using Docker.DotNet;
using Docker.DotNet.Models;
using Orchestrator.Execution;
using Orchestrator.Execution.Docker;
using Orchestrator.Execution.Docker.Internal;
using Orchestrator.Execution.Staging;
using Orchestrator.Graph;

namespace Orchestrator.EngineTests.Fixtures;

/// <summary>
/// The real engine, the busybox test image, and cleanup: every container the tests create carries
/// this fixture's run id label, or one of its data roots, and is removed at the end. Fails (never skips) without an engine.
/// </summary>
public sealed class EngineFixture : IAsyncLifetime
{
    private readonly List<string> dataRoots = [];

    public string RunId { get; } = $"enginetest-{Guid.NewGuid():N}"[..19];

    internal DockerClient Client { get; } = DockerEndpoint.CreateClient(DockerEndpoint.FromEnvironment());

    public async Task InitializeAsync()
    {
        if (await DockerEndpoint.PingAsync(Client, CancellationToken.None) is { } reason)
        {
            throw new InvalidOperationException($"the engine tests need a Docker engine: {reason}");
        }

        await BusyboxTestImage.EnsureAsync(Client);
    }

    public async Task DisposeAsync()
    {
        await RemoveContainersAsync($"{ContainerLabels.RunId}={RunId}");
        foreach (var dataRoot in dataRoots)
        {
            // Runs through the CLI make their own run ids; their kept failed containers are found by data root.
            await RemoveContainersAsync($"{ContainerLabels.DataRoot}={RealPath.Of(dataRoot)}");
            Directory.Delete(dataRoot, recursive: true);
        }

        Client.Dispose();
    }

    /// <summary>A fresh data root, open to others as `mkdir` makes one (a step running as another user must reach its staging folder).</summary>
    public string NewDataRoot()
    {
        var dataRoot = Directory.CreateTempSubdirectory("wine-engine-test-").FullName;
        File.SetUnixFileMode(dataRoot, File.GetUnixFileMode(dataRoot) | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        dataRoots.Add(dataRoot);
        return dataRoot;
    }

    /// <summary>The task's staging folder, created as the engine creates it before each attempt (private to its owner).</summary>
    public static string NewStagingFolder(string dataRoot, string taskId)
    {
        var staging = StagingPaths.StagingDirectory(dataRoot, taskId);
        Directory.CreateDirectory(Path.GetDirectoryName(staging)!);
        Directory.CreateDirectory(staging, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return staging;
    }

    internal TaskInvocation Invocation(string taskId, string script, int attempt = 0) =>
        new(taskId, RunId, attempt, BusyboxTestImage.Name, [], ["sh", "-c", script]);

    /// <summary>A task as the readiness check sees it: its image and what it runs.</summary>
    internal static TaskDefinition Definition(string taskId, string image = BusyboxTestImage.Name) =>
        new(taskId, [], [TaskOutput.File($"{taskId}.out")], new Dictionary<string, string>()) { Image = image, Arguments = ["true"] };

    internal static DockerExecutor Executor(string dataRoot, bool keepContainers = false) =>
        new(new DockerExecutorSettings(dataRoot, dataRoot, keepContainers));

    /// <summary>Creates, without starting, the container an executor would create for the invocation,
    /// under its canonical name: what an earlier orchestrator leaves behind. <paramref name="change"/>
    /// alters its definition first, as an earlier run with other settings would have. Returns its id.</summary>
    internal async Task<string> CreateCanonicalContainerAsync(TaskInvocation invocation, string dataRoot, Action<CreateContainerParameters>? change = null)
    {
        var name = ContainerNames.Canonical(dataRoot, invocation.TaskId);
        var definition = ContainerDefinition.For(invocation, name, dataRoot, StepUser.Pipeline);
        change?.Invoke(definition);
        var created = await Client.Containers.CreateContainerAsync(definition);
        return created.ID;
    }

    /// <summary>The same, started, and running once this returns.</summary>
    internal async Task<string> StartCanonicalContainerAsync(TaskInvocation invocation, string dataRoot, Action<CreateContainerParameters>? change = null)
    {
        var id = await CreateCanonicalContainerAsync(invocation, dataRoot, change);
        await Client.Containers.StartContainerAsync(id, new());
        await WaitUntilRunningAsync(ContainerNames.Canonical(dataRoot, invocation.TaskId));
        return id;
    }

    internal async Task<ContainerInspectResponse?> FindAsync(string name)
    {
        try
        {
            return await Client.Containers.InspectContainerAsync(name);
        }
        catch (DockerContainerNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Every container (running or not) of this fixture's run for the task.</summary>
    internal Task<IList<ContainerListResponse>> ContainersOfTaskAsync(string taskId) =>
        ContainersAsync($"{ContainerLabels.RunId}={RunId}", $"{ContainerLabels.Task}={taskId}");

    internal async Task WaitUntilRunningAsync(string name)
    {
        for (var tries = 0; tries < 100; tries++)
        {
            if (await FindAsync(name) is { State.Running: true })
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"container {name} did not start within 10 s");
    }

    /// <summary>Waits until a process of the container runs `sleep`: its script has passed every check before it.</summary>
    internal async Task WaitUntilSleepingAsync(string id)
    {
        for (var tries = 0; tries < 100; tries++)
        {
            var top = await Client.Containers.ListProcessesAsync(id, new ContainerListProcessesParameters());
            if (top.Processes.Any(process => process.Any(column => column.StartsWith("sleep", StringComparison.Ordinal))))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"container {id} did not reach its sleep within 10 s");
    }

    private async Task RemoveContainersAsync(string label)
    {
        foreach (var container in await ContainersAsync(label))
        {
            await Client.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true });
        }
    }

    private Task<IList<ContainerListResponse>> ContainersAsync(params string[] labels) =>
        Client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = labels.ToDictionary(label => label, _ => true),
            },
        });
}
