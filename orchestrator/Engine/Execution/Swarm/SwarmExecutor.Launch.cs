using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;
using Orchestrator.Execution.Docker;
using Orchestrator.Execution.Docker.Internal;
using Orchestrator.Execution.Staging;
using Orchestrator.Execution.Swarm.Internal;

namespace Orchestrator.Execution.Swarm;

internal sealed partial class SwarmExecutor
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

        var name = ServiceNames.Canonical(hostDataRoot, invocation.TaskId);
        var user = StepUser.For(Settings.LocalDataRoot);
        StepUser.GrantStaging(StagingPaths.StagingDirectory(Settings.LocalDataRoot, invocation.TaskId), user);
        var spec = ServiceDefinition.For(invocation, name, hostDataRoot, user, IsolatedNetwork.Name);
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
            new ServicesListParameters { Filters = new ServiceFilter { Label = [$"{ContainerLabels.Task}={invocation.TaskId}", $"{ContainerLabels.DataRoot}={hostDataRoot}"] } },
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
