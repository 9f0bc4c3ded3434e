using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;
using WinePipeline.Orchestrator.Execution.Docker.Internal;
using WinePipeline.Orchestrator.Execution.Swarm.Internal;

namespace WinePipeline.Orchestrator.Execution.Swarm;

public sealed partial class SwarmExecutor
{
    private static readonly TaskState[] FailedStates = [TaskState.Failed, TaskState.Rejected, TaskState.Shutdown, TaskState.Orphaned, TaskState.Remove];

    /// <summary>
    /// Creates the attempt's service under the task's canonical name, unless an earlier orchestrator
    /// left one for the task that runs the same spec and has not failed: that one is adopted. Any
    /// other service of the task is removed first, so a task never has two.
    /// </summary>
    private async Task<string> LaunchAsync(TaskInvocation invocation, CancellationToken cancellation)
    {
        if (!invocation.NeedsNetwork)
        {
            await EnsureIsolatedNetworkAsync();
        }

        var name = ContainerNames.Canonical(Settings.HostDataRoot, invocation.TaskId);
        var spec = ServiceDefinition.For(invocation, name, Settings.HostDataRoot, StepUser.For(Settings.LocalDataRoot), IsolatedNetwork.Name);
        if (await AdoptOrRemoveLeftoversAsync(invocation, spec.Labels[ServiceLabels.Spec], cancellation) is { } adopted)
        {
            return adopted;
        }

        try
        {
            return (await manager.Swarm.CreateServiceAsync(new ServiceCreateParameters { Service = spec }, cancellation)).ID;
        }
        catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            throw SwarmErrors.NameTaken(name);
        }
    }

    private async Task<string?> AdoptOrRemoveLeftoversAsync(TaskInvocation invocation, string specHash, CancellationToken cancellation)
    {
        var leftovers = await manager.Swarm.ListServicesAsync(
            new ServicesListParameters { Filters = new ServiceFilter { Label = [$"{ServiceLabels.Task}={invocation.TaskId}", $"{ServiceLabels.DataRoot}={Settings.HostDataRoot}"] } },
            cancellation);
        string? adopted = null;
        foreach (var service in leftovers.OrderByDescending(service => service.CreatedAt))
        {
            if (adopted is null && service.Spec.Labels.TryGetValue(ServiceLabels.Spec, out var hash) && hash == specHash && !await HasFailedAsync(service.ID, cancellation))
            {
                adopted = service.ID;
                continue;
            }

            await RemoveAsync(service.ID);
        }

        return adopted;
    }

    private async Task<bool> HasFailedAsync(string serviceId, CancellationToken cancellation) =>
        await ServiceTasks.NewestAsync(manager, serviceId, cancellation) is { } newest && FailedStates.Contains(newest.Status.State);
}
