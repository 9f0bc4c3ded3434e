using System.Globalization;

namespace Orchestrator.Execution.Failures;

/// <summary>
/// A container failure put into words for the swarm (and docker) executor: its kind, which the retry
/// policy reads, and one line that says what happened and what to do.
/// </summary>
internal sealed record ClassifiedFailure(FailureKind Kind, string Message)
{
    /// <summary>128 + SIGKILL: how a container killed by the kernel's OOM killer exits.</summary>
    public const int KilledExitCode = 137;

    public static ClassifiedFailure Exit(long exitCode, IReadOnlyList<string> stderrTail) =>
        new(FailureKind.Exit, stderrTail.Count == 0 ? $"exit code {exitCode}" : $"exit code {exitCode}: {stderrTail[^1]}");

    /// <param name="confirmed">The engine that ran the container said OOMKilled; else it is inferred from exit 137 under a memory limit.</param>
    public static ClassifiedFailure OutOfMemory(long? limitBytes, bool confirmed) =>
        new(FailureKind.OutOfMemory, confirmed
            ? $"{FailureMessages.OutOfMemory(limitBytes)}; raise the task's memory, or name a larger limit for a retry (retry.memory-after-oom)"
            : $"exit {KilledExitCode}, probably out of memory ({Limit(limitBytes)}); raise the task's memory if it needs more");

    public static ClassifiedFailure ImageMissing(string image, string node) =>
        new(FailureKind.Infrastructure, $"image {image} is not on node {node}; load it on every node (docker save IMAGE | docker -H NODE load) or push it to a registry every node pulls from");

    public static ClassifiedFailure BindSourceMissing(string path, string node) =>
        new(FailureKind.Infrastructure, $"{path} does not exist on node {node}: the data root is not shared at that path; mount the shared storage at the same path on every node (see --host-data-root)");

    public static ClassifiedFailure Rejected(string error, string node) =>
        new(FailureKind.Infrastructure, $"node {node} rejected the task: {error}");

    public static ClassifiedFailure Unschedulable(IReadOnlyList<string> constraints, TimeSpan waited, string? reason) =>
        new(FailureKind.Unschedulable, $"no node took the task within {Duration(waited)}{(reason is null ? "" : $" ({reason})")}; "
            + (constraints.Count == 0
                ? "free resources on a node or lower the task's resources"
                : $"it needs {string.Join(" and ", constraints)}: label a node to match (docker node update --label-add KEY=VALUE NODE) or change the constraint"));

    public static ClassifiedFailure NodeLost(string node) =>
        new(FailureKind.NodeLost, $"node {node} was lost while the task ran on it");

    public static ClassifiedFailure EngineUnreachable(Uri engine, string reason) =>
        new(FailureKind.Infrastructure, $"lost the Docker engine at {engine.OriginalString} ({reason})");

    public static ClassifiedFailure TimedOut(TimeSpan timeout) =>
        new(FailureKind.Timeout, $"still running after its timeout of {Duration(timeout)}; raise the task's timeout if it needs longer");

    public ExecutionResult ToResult(int exitCode, string target, IReadOnlyList<string> stderrTail) =>
        new(exitCode, target, stderrTail) { Failure = Kind, Message = Message };

    private static string Limit(long? bytes) => bytes is { } limit ? $"limit {TaskResources.FormatMemory(limit)}" : "no memory limit";

    private static string Duration(TimeSpan span) =>
        span.TotalMinutes >= 1 ? $"{span.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture)} min" : $"{span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s";
}
