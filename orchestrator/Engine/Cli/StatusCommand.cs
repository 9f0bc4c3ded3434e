using Orchestrator.Execution;
using Orchestrator.Planning;
using Orchestrator.Runs;

namespace Orchestrator.Cli;

/// <summary>`status [TASK]`: every task of the graph (or those TASK needs) with its state and why, resolved exactly as `run` would, and the parameter values in force.</summary>
internal sealed class StatusCommand(CliEnvironment environment)
{
    public int Execute(StatusOptions options, CancellationToken cancellation)
    {
        var dataRoot = environment.DataRootOf(options);
        var runner = environment.RunnerFor(options);
        var request = new RunRequest(dataRoot, options.Target, null, ParameterArguments.Parse(options.Parameters), new ExecutorRequest(null, dataRoot, dataRoot, false), ExistenceOnly: options.ExistenceOnly, Verify: options.Verify);
        var run = runner.Prepare(request);
        var targets = options.Target is null ? run.Graph.Declared.Select(task => task.Id).ToList() : [run.Target];
        var completion = CompletionCheck.For(dataRoot, options.ExistenceOnly, options.Verify, cancellation);
        var plan = Planner.Plan(run.Graph, completion.State, targets, []);
        completion.Hashes.Save();
        TaskTable.Write(environment.Out, plan.Tasks, indent: string.Empty);
        if (run.Parameters.Count > 0)
        {
            environment.Out.WriteLine();
            environment.Out.WriteLine("parameters:");
            var width = run.Parameters.Max(parameter => parameter.Name.Length);
            foreach (var parameter in run.Parameters)
            {
                environment.Out.WriteLine($"  {parameter.Name.PadRight(width)}  {parameter.Value}  ({Describe(parameter.Source)})");
            }
        }

        return ExitCodes.Success;
    }

    private static string Describe(ParameterSource source) => source switch
    {
        ParameterSource.CommandLine => "given with -p",
        ParameterSource.Environment => "from the environment",
        ParameterSource.Remembered => "remembered from an earlier run",
        _ => "default",
    };
}
