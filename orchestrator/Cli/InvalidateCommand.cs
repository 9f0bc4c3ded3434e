using WinePipeline.Orchestrator.Execution.Staging;
using WinePipeline.Orchestrator.Graph;
using WinePipeline.Orchestrator.Locking;
using WinePipeline.Orchestrator.Pipeline;

namespace WinePipeline.Orchestrator.Cli;

/// <summary>`invalidate TASK`: removes what TASK and everything downstream of it wrote, under the run lock, and says what.</summary>
internal sealed class InvalidateCommand(CliEnvironment environment)
{
    public int Execute(InvalidateOptions options)
    {
        var graph = TaskGraph.Create(environment.Pipeline(PipelineParameters.Default));
        var affected = graph.DownstreamOf(options.Target);
        var dataRoot = Path.GetFullPath(options.DataRoot, environment.CurrentDirectory);
        if (!Directory.Exists(dataRoot))
        {
            environment.Out.WriteLine($"nothing to remove: {dataRoot} does not exist");
            return ExitCodes.Success;
        }

        using var runLock = RunLock.Acquire(dataRoot, environment.Time);
        var removed = 0;
        foreach (var task in affected)
        {
            var paths = TaskOutputRemoval.RemoveAll(dataRoot, task);
            removed += paths.Count;
            environment.Out.WriteLine(paths.Count == 0 ? $"{task.Id}: nothing to remove" : $"{task.Id}: removed {string.Join(", ", paths)}");
        }

        environment.Out.WriteLine($"invalidated {affected.Count} tasks ({string.Join(", ", affected.Select(task => task.Id))}); {removed} files removed");
        return ExitCodes.Success;
    }
}
