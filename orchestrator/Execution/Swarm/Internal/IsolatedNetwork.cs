using Docker.DotNet;
using Docker.DotNet.Models;

namespace WinePipeline.Orchestrator.Execution.Swarm.Internal;

/// <summary>
/// The network of tasks that declare none. A swarm task always gets a network, the node's default
/// bridge with a way out when none is named; this internal bridge, one per node, has no way out.
/// (An internal overlay would also do, but costs each task about two seconds more to start.)
/// </summary>
internal static class IsolatedNetwork
{
    public const string Name = "wine-pipeline-isolated";

    /// <summary>Creates it on the manager when it is not there yet; refuses one of that name that is not internal.</summary>
    public static async Task EnsureAsync(DockerClient manager, CancellationToken cancellation)
    {
        var existing = await manager.Networks.ListNetworksAsync(
            new NetworksListParameters { Filters = new Dictionary<string, IDictionary<string, bool>> { ["name"] = new Dictionary<string, bool> { [Name] = true } } },
            cancellation);
        if (existing.FirstOrDefault(network => network.Name == Name) is { } found)
        {
            if (!found.Internal || found.Scope != "swarm")
            {
                throw new ExecutorUnavailableException($"network {Name} on the swarm manager is not an internal swarm network; remove it (docker network rm {Name}) and the executor makes its own");
            }

            return;
        }

        try
        {
            await manager.Networks.CreateNetworkAsync(
                new NetworksCreateParameters { Name = Name, Driver = "bridge", Scope = "swarm", Internal = true, CheckDuplicate = true },
                cancellation);
        }
        catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
            // Another orchestrator made it at the same moment.
        }
    }
}
