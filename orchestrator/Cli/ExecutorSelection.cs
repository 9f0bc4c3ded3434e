using WinePipeline.Orchestrator.Execution;
using WinePipeline.Orchestrator.Execution.Docker;
using WinePipeline.Orchestrator.Execution.Docker.Internal;
using WinePipeline.Orchestrator.Execution.Process;
using WinePipeline.Orchestrator.Execution.Swarm;

namespace WinePipeline.Orchestrator.Cli;

/// <summary>The default <see cref="ExecutorFactory"/>: --executor as given, else docker when an engine answers, else local processes.</summary>
public static class ExecutorSelection
{
    public const string Docker = "docker";
    public const string Process = "process";
    public const string Swarm = "swarm";

    private static readonly TimeSpan EngineProbeTimeout = TimeSpan.FromSeconds(5);

    public static void Validate(string? kind)
    {
        if (kind is not (null or Docker or Swarm or Process))
        {
            throw UsageException.UnknownExecutor(kind);
        }
    }

    public static async Task<ITaskExecutor> CreateAsync(ExecutorRequest request, TextWriter output, CancellationToken cancellation)
    {
        var kind = request.Kind;
        if (kind is null)
        {
            var reachable = await IsDockerReachableAsync(cancellation);
            kind = reachable ? Docker : Process;
            output.WriteLine(reachable
                ? "executor: docker (a Docker engine answered; pass --executor process to run steps as local processes)"
                : "executor: process (no Docker engine answered; steps run as local dotnet processes)");
        }

        var engine = request.DockerHost is { } dockerHost ? DockerEndpoint.Resolve(dockerHost) : DockerEndpoint.FromEnvironment();
        return kind switch
        {
            Docker => new DockerExecutor(new DockerExecutorSettings(request.HostDataRoot, request.DataRoot, request.KeepContainers), engine, TimeProvider.System),
            Swarm => new SwarmExecutor(new SwarmExecutorSettings(request.HostDataRoot, request.DataRoot) { NodeEngineTemplate = request.NodeDockerHost }, engine, TimeProvider.System),
            _ => new ProcessExecutor(
                ProcessExecutorSettings.Locate(request.DataRoot, request.StepsDirectory, AppContext.BaseDirectory, Directory.GetCurrentDirectory()),
                output),
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
