namespace Orchestrator.Execution.Observation;

/// <summary>Shows a task's lines with the data root as this machine sees it, not as the container did (/usr/share/data/raw/x.csv becomes /home/me/data_root/raw/x.csv).</summary>
internal sealed class DataRootPathLog(ITaskLog inner, string taskDataRoot, string localDataRoot) : ITaskLog
{
    public void Line(LogStream stream, string text) =>
        inner.Line(stream, text.Replace(taskDataRoot, localDataRoot, StringComparison.Ordinal));

    public static ITaskLog For(ITaskLog inner, string taskDataRoot, string localDataRoot) =>
        taskDataRoot == localDataRoot ? inner : new DataRootPathLog(inner, taskDataRoot, localDataRoot);
}
