namespace Orchestrator.Execution.Docker.Internal;

/// <summary>
/// data_root as the engine's host sees it, the one identity behind container names, mounts and the
/// data-root label: symbolic links resolved, so that the same folder reached another way is the same root.
/// </summary>
internal static class HostDataRoot
{
    /// <summary>
    /// The resolved path when the orchestrator shares the engine's file system (the two paths agree);
    /// otherwise (the orchestrator in a container) the host's path as given, which cannot be resolved
    /// from here and must therefore be absolute.
    /// </summary>
    public static string Of(DockerExecutorSettings settings) => Of(settings.HostDataRoot, settings.LocalDataRoot);

    /// <inheritdoc cref="Of(DockerExecutorSettings)"/>
    public static string Of(string hostDataRoot, string localDataRoot)
    {
        if (Full(hostDataRoot) == Full(localDataRoot))
        {
            return RealPath.Of(localDataRoot);
        }

        return Path.IsPathFullyQualified(hostDataRoot)
            ? Full(hostDataRoot)
            : throw DockerErrors.HostDataRootNotAbsolute(hostDataRoot);
    }

    private static string Full(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
}
