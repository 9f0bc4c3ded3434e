using Docker.DotNet;

namespace Orchestrator.Execution.Docker.Internal;

/// <summary>Where the engine is and whether it answers.</summary>
internal static class DockerEndpoint
{
    private static readonly Uri LocalSocket = new("unix:///var/run/docker.sock");
    private static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(3);

    public static Uri FromEnvironment() => Resolve(Environment.GetEnvironmentVariable("DOCKER_HOST"));

    /// <summary>DOCKER_HOST's value (unix:// or tcp://), or the local socket when it is unset.</summary>
    public static Uri Resolve(string? dockerHost) =>
        string.IsNullOrWhiteSpace(dockerHost) ? LocalSocket
        : Uri.TryCreate(dockerHost, UriKind.Absolute, out var uri) && uri.Scheme is "unix" or "tcp" ? uri
        : throw DockerErrors.BadDockerHost(dockerHost);

    /// <summary>The client owns (and disposes) its configuration.</summary>
    public static DockerClient CreateClient(Uri engine) => new DockerClientConfiguration(engine).CreateClient();

    /// <summary>Null when the engine answered a ping, else why it did not.</summary>
    public static async Task<string?> PingAsync(DockerClient client, CancellationToken cancellation)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(PingTimeout);
        try
        {
            await client.System.PingAsync(timeout.Token);
            return null;
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return $"no answer within {PingTimeout.TotalSeconds:0} s";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Explain(client.Configuration.EndpointBaseUri, e);
        }
    }

    /// <summary>A missing socket file surfaces as an obscure socket error ("Cannot assign requested address").</summary>
    private static string Explain(Uri engine, Exception failure) =>
        engine.Scheme == "unix" && !File.Exists(engine.LocalPath) ? $"{engine.LocalPath} does not exist" : failure.GetBaseException().Message;
}
