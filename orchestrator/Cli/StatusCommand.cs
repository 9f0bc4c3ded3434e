using WinePipeline.Orchestrator.Graph;
using WinePipeline.Orchestrator.Pipeline;
using WinePipeline.Orchestrator.Planning;

namespace WinePipeline.Orchestrator.Cli;

/// <summary>`status [TASK]`: every task of the graph (or those TASK needs) with its state and why.</summary>
internal sealed class StatusCommand(CliEnvironment environment)
{
    public int Execute(StatusOptions options)
    {
        var graph = TaskGraph.Create(environment.Pipeline(PipelineParameters.Default with { DatasetUrl = options.DatasetUrl }));
        var targets = options.Target is null ? graph.Declared.Select(task => task.Id).ToList() : [graph.Get(options.Target).Id];
        var dataRoot = Path.GetFullPath(options.DataRoot, environment.CurrentDirectory);
        var completion = CompletionCheck.For(dataRoot, options.ExistenceOnly);
        var plan = Planner.Plan(graph, completion.State, targets, []);
        completion.Hashes.Save();
        TaskTable.Write(environment.Out, plan.Tasks, indent: string.Empty);
        return ExitCodes.Success;
    }
}
