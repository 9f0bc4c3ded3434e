using CommandLine;
using Orchestrator.Execution;
using Orchestrator.Graph;
using Orchestrator.Locking;
using Orchestrator.Server;

namespace Orchestrator.Cli;

/// <summary>
/// The orchestrator's command line: parses the verb, runs it, and turns every expected error into
/// one stderr line and an exit code. Returns the code; only Program decides how the process ends.
/// </summary>
internal sealed partial class CliApp(CliEnvironment environment)
{
    private static readonly Type[] Verbs = [typeof(RunOptions), typeof(StatusOptions), typeof(ServeOptions), typeof(HistoryOptions), typeof(InvalidateOptions)];

    public async Task<int> RunAsync(string[] args, CancellationToken cancellation)
    {
        var output = TextWriter.Synchronized(environment.Out);
        var synchronized = environment with { Out = output, Error = TextWriter.Synchronized(environment.Error) };
        try
        {
            using var parser = new Parser(settings =>
            {
                settings.HelpWriter = null;
                settings.AutoVersion = true;
                settings.AllowMultiInstance = true;
            });
            return parser.ParseArguments(ParameterArguments.MoveToEnd(args), Verbs) switch
            {
                Parsed<object> { Value: ServeOptions serve } => await new ServeCommand(synchronized).ExecuteAsync(serve, cancellation),
                Parsed<object> { Value: HistoryOptions history } => new HistoryCommand(synchronized).Execute(history),
                Parsed<object> { Value: RunOptions run } => await new RunCommand(synchronized).ExecuteAsync(run, cancellation),
                Parsed<object> { Value: StatusOptions status } => new StatusCommand(synchronized).Execute(status, cancellation),
                Parsed<object> { Value: InvalidateOptions invalidate } => new InvalidateCommand(synchronized).Execute(invalidate),
                NotParsed<object> notParsed => ReportParseResult(notParsed, synchronized),
                _ => throw new InvalidOperationException("unexpected parser result"),
            };
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            synchronized.Error.WriteLine("orchestrator: cancelled");
            return ExitCodes.Cancelled;
        }
        catch (InvalidPipelineException e)
        {
            foreach (var problem in e.Problems)
            {
                synchronized.Error.WriteLine($"orchestrator: error: {problem}");
            }

            return ExitCodes.UsageError;
        }
        catch (Exception e) when (e is UsageException or InvalidGraphException or RunLockedException or ExecutorUnavailableException or Scheduling.InvalidScheduleException or Server.CannotServeException)
        {
            synchronized.Error.WriteLine($"orchestrator: error: {e.Message}");
            return ExitCodes.UsageError;
        }
    }
}
