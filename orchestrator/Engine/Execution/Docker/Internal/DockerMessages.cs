namespace Orchestrator.Execution.Docker.Internal;

/// <summary>What the executor tells a task's log about a container an earlier run left running.</summary>
internal static class DockerMessages
{
    public static string Adopted(string name) =>
        $"docker: following container {name}, still running from an earlier run with the same image, command, mounts and environment";

    public static string Replaced(string name, string difference) =>
        $"docker: container {name}, still running from an earlier run, differs in {difference} from this attempt; stopped and removed it, starting afresh";
}
