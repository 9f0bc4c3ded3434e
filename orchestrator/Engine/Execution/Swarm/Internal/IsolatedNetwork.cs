using Docker.DotNet;
using Docker.DotNet.Models;

namespace Orchestrator.Execution.Swarm.Internal;

/// <summary>
/// The network of tasks that declare none. A swarm task always gets a network, the node's default
/// bridge with a way out when none is named; this internal overlay has no way out. It costs a task
/// about 1.7 s more to start than the default bridge. A swarm-scoped internal bridge would be as
/// fast, but a node that died unexpectedly rejects every later task on it ("network ... exists",
/// moby/moby#37087), and surviving lost nodes is the point of the swarm executor.
/// </summary>
internal static class IsolatedNetwork
{
    public const string Name = "orchestrator-isolated";

    private const string Driver = "overlay";

    /// <summary>Creates it on the manager when it is not there yet; refuses one of that name that is not internal.</summary>
    public static async Task EnsureAsync(DockerClient manager, CancellationToken cancellation)
    {
        var existing = await manager.Networks.ListNetworksAsync(
            new NetworksListParameters { Filters = new Dictionary<string, IDictionary<string, bool>> { ["name"] = new Dictionary<string, bool> { [Name] = true } } },
            cancellation);
        if (existing.FirstOrDefault(network => network.Name == Name) is { } found)
        {
            if (!found.Internal || found.Driver != Driver)
            {
                throw new ExecutorUnavailableException($"network {Name} on the swarm manager is not an internal overlay network; remove it (docker network rm {Name}) and the executor makes its own");
            }

            return;
        }

        try
        {
            await manager.Networks.CreateNetworkAsync(
                new NetworksCreateParameters { Name = Name, Driver = Driver, Internal = true, CheckDuplicate = true },
                cancellation);
        }
        catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
            // Another orchestrator made it at the same moment.
        }
    }
}
