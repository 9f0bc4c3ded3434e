using Orchestrator.Execution;
using Orchestrator.Execution.Docker;
using Orchestrator.Execution.Docker.Internal;
using Orchestrator.Execution.Process;
using Orchestrator.Execution.Swarm;

namespace Orchestrator.Execution;

/// <summary>The default <see cref="ExecutorFactory"/>: --executor as given, else docker when an engine answers, else local processes.</summary>
internal static class ExecutorSelection
{
    public const string Docker = "docker";
    public const string Process = "process";
    public const string Swarm = "swarm";

    private static readonly TimeSpan EngineProbeTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Throws <see cref="ExecutorUnavailableException"/> for an executor that does not exist.</summary>
    public static void Validate(string? kind)
    {
        if (kind is not (null or Docker or Swarm or Process))
        {
            throw new ExecutorUnavailableException($"unknown executor '{kind}'; use --executor docker, --executor swarm or --executor process");
        }
    }

    public static async Task<ITaskExecutor> CreateAsync(ExecutorRequest request, Fingerprints.ContentHashes hashes, TextWriter output, CancellationToken cancellation)
    {
        var kind = request.Kind;
        if (kind is null)
        {
            var reachable = await IsDockerReachableAsync(cancellation);
            kind = reachable ? Docker : Process;
            output.WriteLine(reachable
                ? "executor: docker (a Docker engine answered; pass --executor process to run steps as local processes)"
                : "executor: process (no Docker engine answered; tasks run as local processes)");
        }

        var engine = request.DockerHost is { } dockerHost ? DockerEndpoint.Resolve(dockerHost) : DockerEndpoint.FromEnvironment();
        return kind switch
        {
            Docker => new DockerExecutor(new DockerExecutorSettings(request.HostDataRoot, request.DataRoot, request.KeepContainers), engine, TimeProvider.System),
            Swarm => new SwarmExecutor(new SwarmExecutorSettings(request.HostDataRoot, request.DataRoot) { NodeEngineTemplate = request.NodeDockerHost }, engine, TimeProvider.System),
            _ => new ProcessExecutor(request.DataRoot, hashes, output),
        };
    }

    private static async Task<bool> IsDockerReachableAsync(CancellationToken cancellation)
    {
        using var probe = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        probe.CancelAfter(EngineProbeTimeout);
        try
        {
            return await DockerExecutor.IsEngineReachableAsync(probe.Token);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return false;
        }
    }
}
