using System.Text.Json;
using Docker.DotNet;

namespace Orchestrator.Execution.Docker.Internal;

/// <summary>One-line messages that say what to do.</summary>
internal static class DockerErrors
{
    public static ExecutorUnavailableException EngineUnreachable(Uri engine, string reason) =>
        new($"cannot reach the Docker engine at {engine.OriginalString} ({reason}); start dockerd, set DOCKER_HOST, or use --executor process");

    public static ExecutorUnavailableException ImageMissing(string image) =>
        new($"image {image} not found on the Docker engine; build, pull or load it (docker load), or use --executor process");

    public static ExecutorUnavailableException BadDockerHost(string value) =>
        new($"DOCKER_HOST={value} is not a unix:// or tcp:// address; fix it, or unset it to use unix:///var/run/docker.sock");

    public static ExecutorUnavailableException HostDataRootNotAbsolute(string value) =>
        new($"the host's data root '{value}' (--host-data-root, $HOST_DATA_ROOT or compose's $DATA_ROOT) is not an absolute path; give the full path on the engine's host");

    public static ExecutorUnavailableException NameRetaken(string name) =>
        new($"container {name} was created again while it was being replaced; is another orchestrator running on this data root?");

    /// <summary>The engine's explanation, as a line of the task's stderr.</summary>
    public static string EngineSaid(string error) => $"docker engine: {error}";

    /// <summary>The "message" of the engine's JSON error body, or the body itself.</summary>
    public static string EngineMessage(DockerApiException exception)
    {
        try
        {
            using var body = JsonDocument.Parse(exception.ResponseBody);
            if (body.RootElement.TryGetProperty("message", out var message) && message.GetString() is { Length: > 0 } text)
            {
                return text;
            }
        }
        catch (JsonException)
        {
        }

        return exception.ResponseBody.Trim();
    }
}
