using System.Net.Sockets;
using Docker.DotNet;

namespace Orchestrator.Execution.Failures;

/// <summary>Reads what a Docker engine said or threw, for the swarm (and docker) executor.</summary>
internal static class EngineErrors
{
    private const string NoSuchImage = "No such image";
    private const string BindSourceMissing = "bind source path does not exist: ";

    /// <summary>An engine's refusal to create or start a container (a swarm task's error), as a failure.</summary>
    public static ClassifiedFailure Classify(string error, string image, string node) =>
        error.Contains(NoSuchImage, StringComparison.OrdinalIgnoreCase) ? ClassifiedFailure.ImageMissing(image, node)
        : error.IndexOf(BindSourceMissing, StringComparison.Ordinal) is >= 0 and var at ? ClassifiedFailure.BindSourceMissing(error[(at + BindSourceMissing.Length)..].Trim(), node)
        : ClassifiedFailure.Rejected(error, node);

    /// <summary>True when the exception says the engine could not be reached or the connection broke, rather than that it refused something.</summary>
    public static bool IsUnreachable(Exception exception) =>
        exception is not DockerApiException and (HttpRequestException or IOException or SocketException or TimeoutException);
}
