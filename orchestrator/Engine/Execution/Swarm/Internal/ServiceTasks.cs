using Docker.DotNet;
using Docker.DotNet.Models;

namespace Orchestrator.Execution.Swarm.Internal;

/// <summary>The tasks the manager made for a service.</summary>
internal static class ServiceTasks
{
    public static Task<IList<TaskResponse>> ListAsync(DockerClient manager, string serviceId, CancellationToken cancellation) =>
        manager.Tasks.ListAsync(
            new TasksListParameters { Filters = new Dictionary<string, IDictionary<string, bool>> { ["service"] = new Dictionary<string, bool> { [serviceId] = true } } },
            cancellation);

    /// <summary>The newest task of the service, or null before the manager made one.</summary>
    public static async Task<TaskResponse?> NewestAsync(DockerClient manager, string serviceId, CancellationToken cancellation) =>
        (await ListAsync(manager, serviceId, cancellation)).MaxBy(task => task.CreatedAt);
}
