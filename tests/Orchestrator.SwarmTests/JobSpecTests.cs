using Docker.DotNet.Models;
using Orchestrator.Execution;
using Orchestrator.Execution.Docker;
using Orchestrator.Execution.Staging;
using Orchestrator.EngineTests.Fixtures;
using Orchestrator.Execution.Swarm.Internal;
using Orchestrator.SwarmTests.Fixtures;

namespace Orchestrator.SwarmTests;

[Collection(SwarmCollection.Name)]
[Trait("Category", "Swarm")]
public sealed class JobSpecTests(SwarmFixture swarm)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_task_runs_as_a_one_shot_least_privileged_job_with_labels_shared_mount_limits_and_constraints_and_is_removed_after_success()
    {
        var dataRoot = swarm.NewDataRoot(stagingFor: "Specced");
        using var executor = SwarmFixture.Executor(dataRoot);
        var staging = $"{ContainerPaths.DataRoot}/{StagingPaths.StagingRelative("Specced")}";
        var invocation = swarm.Invocation("Specced", $"sleep 2; echo written > {staging}/out.txt") with
        {
            Resources = new TaskResources(Cpus: 0.5, MemoryBytes: 64L * 1024 * 1024),
            Constraints = ["node.role==worker"],
        };

        var running = executor.ExecuteAsync(invocation, new RecordingLog(), CancellationToken.None);
        var (serviceId, node) = await swarm.WaitUntilRunningAsync(dataRoot, "Specced", StartTimeout);
        var service = await swarm.Manager.Swarm.InspectServiceAsync(serviceId);
        var container = await ContainerOfAsync(serviceId, node);
        var result = await running;

        Assert.True(result.Succeeded, string.Join('\n', result.StderrTail));
        Assert.Equal(FailureKind.None, result.Failure);
        Assert.Equal(1UL, service.Spec.Mode.ReplicatedJob.TotalCompletions);
        Assert.Equal("none", service.Spec.TaskTemplate.RestartPolicy.Condition);
        Assert.Equal("Specced", service.Spec.Labels[ContainerLabels.Task]);
        Assert.Equal(swarm.RunId, service.Spec.Labels[ContainerLabels.RunId]);
        Assert.Equal("0", service.Spec.Labels[ContainerLabels.Retry]);
        Assert.Equal(dataRoot, service.Spec.Labels[ContainerLabels.DataRoot]);
        var mount = service.Spec.TaskTemplate.ContainerSpec.Mounts.Single(mount => mount.Type == "bind");
        Assert.Equal((dataRoot, ContainerPaths.DataRoot), (mount.Source, mount.Target));
        Assert.Equal(500_000_000, service.Spec.TaskTemplate.Resources.Limits.NanoCPUs);
        Assert.Equal(64L * 1024 * 1024, service.Spec.TaskTemplate.Resources.Reservations.MemoryBytes);
        Assert.Equal(["node.role==worker"], service.Spec.TaskTemplate.Placement.Constraints);
        Assert.NotEqual("swarmtest-1", node);
        Assert.Equal(64L * 1024 * 1024, container.HostConfig.Memory);
        Assert.Equal(500_000_000, container.HostConfig.NanoCPUs);
        Assert.True(container.HostConfig.ReadonlyRootfs);
        Assert.Equal(["ALL"], container.HostConfig.CapDrop);
        Assert.Equal(256, container.HostConfig.PidsLimit);
        Assert.Equal("written\n", File.ReadAllText(Path.Combine(StagingPaths.StagingDirectory(dataRoot, "Specced"), "out.txt")));
        Assert.Empty(await swarm.ServicesOfTaskAsync("Specced"));
    }

    [Fact]
    public async Task A_task_that_declares_the_network_reaches_the_manager_and_one_that_does_not_is_cut_off()
    {
        var dataRoot = swarm.NewDataRoot();
        using var executor = SwarmFixture.Executor(dataRoot);
        var manager = (await swarm.Manager.Swarm.ListNodesAsync()).Single(node => node.Description.Hostname == TestSwarm.Manager).Status.Addr;
        var connect = $"busybox timeout 3 busybox nc {manager} 2377 </dev/null && echo reached || echo cut off";
        var onWorker = new[] { "node.role==worker" };

        var isolated = new RecordingLog();
        await executor.ExecuteAsync(swarm.Invocation("Isolated", connect) with { Constraints = onWorker }, isolated, CancellationToken.None);
        var networked = new RecordingLog();
        await executor.ExecuteAsync(swarm.Invocation("Networked", connect) with { Constraints = onWorker, NeedsNetwork = true }, networked, CancellationToken.None);

        Assert.Equal(["cut off"], isolated.Of(LogStream.Stdout));
        Assert.Equal(["reached"], networked.Of(LogStream.Stdout));
    }

    private async Task<ContainerInspectResponse> ContainerOfAsync(string serviceId, string node)
    {
        var tasks = await ServiceTasks.ListAsync(swarm.Manager, serviceId, CancellationToken.None);
        using var engine = Execution.Docker.Internal.DockerEndpoint.CreateClient(TestSwarm.NodeEngine(node));
        // One task ran; an engine before the fix of moby/moby#52652 may have taken back an earlier one ("assigned node no longer meets constraints").
        var ran = tasks.Where(task => task.Status.State is not (TaskState.Rejected or TaskState.Failed)).ToList();
        Assert.True(ran.Count == 1, $"the job has tasks {string.Join(", ", tasks.Select(task => $"{task.Status.State} on {task.NodeID}: {task.Status.Err}"))}");
        return await engine.Containers.InspectContainerAsync(ran[0].Status.ContainerStatus.ContainerID);
    }
}
