using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.FileSystemGlobbing;
using Orchestrator.Graph;

namespace Orchestrator.Fingerprints;

/// <summary>The code identity of a task that runs as a local process: the SHA-256 of every file its code globs match (bin/ and obj/ excluded).</summary>
internal static class LocalCodeVersion
{
    public static CodeVersion? Of(TaskDefinition task, ContentHashes hashes)
    {
        if (task.Code is not { Globs.Count: > 0 } code)
        {
            return null;
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddIncludePatterns(code.Globs);
        matcher.AddExcludePatterns(["**/bin/**", "**/obj/**"]);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in matcher.GetResultsInFullPath(code.BaseDirectory))
        {
            files[Path.GetRelativePath(code.BaseDirectory, file).Replace('\\', '/')] = hashes.Of(file);
        }

        var combined = new StringBuilder();
        foreach (var (path, hash) in files)
        {
            combined.Append(path).Append('\0').Append(hash).Append('\n');
        }

        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(combined.ToString())));
        return new CodeVersion(CodeVersion.Code, task.Id, id, code.BuildOutput, files);
    }

    /// <summary>The first code file added, removed or changed between two versions, in words.</summary>
    public static string Difference(CodeVersion recorded, CodeVersion current)
    {
        var before = recorded.Files ?? [];
        var after = current.Files ?? [];
        var changed = after.Keys.Union(before.Keys).Order(StringComparer.Ordinal)
            .FirstOrDefault(path => before.GetValueOrDefault(path) != after.GetValueOrDefault(path));
        return changed is null ? $"{current} changed"
            : !before.ContainsKey(changed) ? $"code file {changed} added"
            : !after.ContainsKey(changed) ? $"code file {changed} removed"
            : $"code file {changed} changed";
    }
}
