using System.Security.Cryptography;
using System.Text;

namespace Orchestrator.Execution.Docker.Internal;

/// <summary>
/// Names derived from the data root and the task alone, so that a restarted orchestrator finds the
/// container it started before, and two data roots on one engine never collide.
/// </summary>
internal static class ContainerNames
{
    public static string Canonical(string hostDataRoot, string taskId) =>
        $"pipeline-{DataRootHash(hostDataRoot)}-{AllowedCharacters(taskId.ToLowerInvariant())}";

    public static string Failed(string canonical, string runId, int attempt) =>
        $"{canonical}-failed-{AllowedCharacters(runId)}-{attempt}";

    private static string DataRootHash(string hostDataRoot)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(Path.TrimEndingDirectorySeparator(hostDataRoot)));
        return Convert.ToHexStringLower(digest)[..8];
    }

    /// <summary>The engine accepts [a-zA-Z0-9_.-] in names; a run or task id may hold others.</summary>
    private static string AllowedCharacters(string text) =>
        string.Concat(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' ? c : '-'));
}
