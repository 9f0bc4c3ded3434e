namespace WinePipeline.Orchestrator.Execution.Process;

/// <summary>Turns container paths (/usr/share/data/...) in step arguments into paths under the local data root.</summary>
public static class DataRootMapping
{
    public static string Map(string argument, string dataRoot)
    {
        const string prefix = ContainerPaths.DataRoot;
        if (argument == prefix)
        {
            return dataRoot;
        }

        return argument.StartsWith(prefix + "/", StringComparison.Ordinal)
            ? Path.Combine(dataRoot, argument[(prefix.Length + 1)..])
            : argument;
    }
}
