namespace Orchestrator.Execution.Docker.Internal;

/// <summary>
/// Chooses the user a step container runs as, never root: the owner of the data root, so outputs belong
/// to whoever owns it; or, when root owns it, the images' user "pipeline", which is then given the task's
/// staging folder alone (its owner becomes that user). No permission is ever widened to everyone.
/// </summary>
internal static class StepUser
{
    /// <summary>The step images' own user ("pipeline").</summary>
    public const string Pipeline = "10001:10001";

    private const uint PipelineId = 10001;

    public static string For(string localDataRoot)
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists(localDataRoot))
        {
            return Pipeline;
        }

        var (uid, gid) = Posix.FileStat.Owner(localDataRoot);
        return uid != 0 ? $"{uid}:{gid}" : Pipeline;
    }

    /// <summary>When steps run as "pipeline", hands the task's staging folder (and only it) to that user.</summary>
    public static void GrantStaging(string localStaging, string user)
    {
        if (user == Pipeline && OperatingSystem.IsLinux() && Environment.IsPrivilegedProcess && Directory.Exists(localStaging))
        {
            Posix.FileStat.ChangeOwner(localStaging, PipelineId, PipelineId);
        }
    }
}
