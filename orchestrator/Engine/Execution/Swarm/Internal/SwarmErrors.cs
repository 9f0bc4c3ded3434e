namespace Orchestrator.Execution.Swarm.Internal;

/// <summary>One-line messages, with what to do, for a swarm executor that cannot run at all.</summary>
internal static class SwarmErrors
{
    public static ExecutorUnavailableException ManagerUnreachable(Uri manager, string reason) =>
        new($"cannot reach the swarm manager at {manager.OriginalString} ({reason}); point DOCKER_HOST or --docker-host at a manager (scripts/swarm-up.sh starts a test swarm)");

    public static ExecutorUnavailableException NotAManager(Uri manager, string reason) =>
        new($"the engine at {manager.OriginalString} is not a swarm manager ({reason}); point DOCKER_HOST or --docker-host at a manager node");

    public static ExecutorUnavailableException NoNodeReady(Uri manager) =>
        new($"the swarm of {manager.OriginalString} has no node ready; start a node's engine or join one (docker swarm join)");

    public static ExecutorUnavailableException ImageMissing(string image, string node) =>
        new($"image {image} is not on node {node}; load it on every node (docker save {image} | docker -H NODE load, or scripts/swarm-load-images.sh) or push it to a registry every node pulls from");

    public static ExecutorUnavailableException BadNodeEngineTemplate(string template) =>
        new($"--node-docker-host {template} is not a unix:// or tcp:// address with {{node}} for the node's hostname, e.g. tcp://{{node}}:2375");

    public static ExecutorUnavailableException NameTaken(string name) =>
        new($"a service named {name} exists on the swarm but is not this task's (its labels differ); remove it (docker service rm {name}) if it is a leftover");
}
