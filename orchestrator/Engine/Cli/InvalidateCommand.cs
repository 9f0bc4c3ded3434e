using Orchestrator.Execution;
using Orchestrator.Execution.Staging;
using Orchestrator.Locking;
using Orchestrator.Runs;

namespace Orchestrator.Cli;

/// <summary>`invalidate TASK`: removes what TASK and everything downstream of it wrote, under the run lock, and says what.</summary>
internal sealed class InvalidateCommand(CliEnvironment environment)
{
    public int Execute(InvalidateOptions options)
    {
        var runner = environment.RunnerFor(options);
        if (options.Target is null)
        {
            throw UsageException.ParseError($"name the task to invalidate, e.g. `orchestrator invalidate {runner.Pipeline.DefaultTarget}`");
        }

        var dataRoot = environment.DataRootOf(options);
        var run = runner.Prepare(new RunRequest(dataRoot, options.Target, null, new Dictionary<string, string>(), new ExecutorRequest(null, dataRoot, dataRoot, false)));
        var affected = run.Graph.DownstreamOf(run.Target);
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
