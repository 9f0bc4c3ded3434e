using Orchestrator.History;
using Orchestrator.Runs;

namespace Orchestrator.Cli;

/// <summary>`run [TASK]`: the engine's <see cref="PipelineRunner"/> does the run; this reads the options and turns the outcome into an exit code.</summary>
internal sealed class RunCommand(CliEnvironment environment)
{
    public async Task<int> ExecuteAsync(RunOptions options, CancellationToken cancellation)
    {
        var request = RunSettings.Resolve(options, environment) with { Trigger = RunTrigger.Cli };
        var runner = environment.RunnerFor(options);
        if (options.DryRun)
        {
            var run = runner.Prepare(request);
            var plan = runner.Preview(run, cancellation);
            runner.WritePlan(plan, request.DataRoot);
            environment.Out.WriteLine($"plan: {plan.ToRun.Count()} to run, {plan.CompleteCount} complete");
            return ExitCodes.Success;
        }

        if (environment.Terminal is not { } terminal)
        {
            return ExitCodes.Of((await runner.RunAsync(request, observer: null, cancellation)).Outcome);
        }

        await using var view = new LiveRunView(terminal, environment.Time);
        var live = new PipelineRunner(runner.Pipeline, environment.RunContext with { TaskOutput = TextWriter.Null });
        var result = await live.RunAsync(request, view, cancellation);
        return ExitCodes.Of(result.Outcome);
    }
}
