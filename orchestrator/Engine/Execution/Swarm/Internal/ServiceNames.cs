using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Orchestrator.Execution.Docker.Internal;

namespace Orchestrator.Execution.Swarm.Internal;

/// <summary>
/// A task's service name: its container name, made valid for a swarm, which takes only letters and
/// digits joined by '-' or '_', at most 63 of them. When that changes the name (a variant's
/// "TrainModel[trees=100]"), a hash of the task id keeps two tasks apart.
/// </summary>
internal static partial class ServiceNames
{
    private const int MaxLength = 63;
    private const int HashLength = 8;

    public static string Canonical(string hostDataRoot, string taskId)
    {
        var name = ContainerNames.Canonical(hostDataRoot, taskId);
        var valid = Invalid().Replace(name, "-").Trim('-');
        if (valid == name && valid.Length <= MaxLength)
        {
            return valid;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(taskId)))[..HashLength];
        return $"{valid[..Math.Min(valid.Length, MaxLength - HashLength - 1)].TrimEnd('-')}-{hash}";
    }

    [GeneratedRegex("[^a-zA-Z0-9]+")]
    private static partial Regex Invalid();
}
