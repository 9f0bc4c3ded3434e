using System.Security.Cryptography;
using System.Text;

namespace WinePipeline.Orchestrator.Execution.Docker.Internal;

/// <summary>
/// Names derived from the data root and the task alone, so that a restarted orchestrator finds the
/// container it started before, and two data roots on one engine never collide.
/// </summary>
internal static class ContainerNames
{
    public static string Canonical(string hostDataRoot, string taskId) =>
        $"wine-{DataRootHash(hostDataRoot)}-{taskId.ToLowerInvariant()}";

    public static string Failed(string canonical, string runId, int attempt) =>
        $"{canonical}-failed-{AllowedCharacters(runId)}-{attempt}";

    private static string DataRootHash(string hostDataRoot)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(Path.TrimEndingDirectorySeparator(hostDataRoot)));
        return Convert.ToHexStringLower(digest)[..8];
    }

    /// <summary>The engine accepts [a-zA-Z0-9_.-] in names; a run id may hold others (':' from a timestamp).</summary>
    private static string AllowedCharacters(string runId) =>
        string.Concat(runId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' ? c : '-'));
}
