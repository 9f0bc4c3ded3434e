using System.Runtime.InteropServices;
using Orchestrator.Cli;

namespace Orchestrator;

/// <summary>
/// The ready-made command line for a pipeline: `run`, `status`, `invalidate`, `history` and `serve`.
/// A tool's Program.cs is <c>return await PipelineCli.RunAsync(pipeline, args);</c>; with a null
/// pipeline it only runs pipeline files given with -f.
/// </summary>
public static class PipelineCli
{
    /// <summary>
    /// Runs the command line and returns the exit code: 0 done, 1 a task failed, 2 a usage or
    /// definition error, 130 cancelled. Ctrl-C or SIGTERM cancels the run (running tasks end Aborted);
    /// a second one exits at once. An unexpected error is one line here and its stack trace in a log file.
    /// </summary>
    public static async Task<int> RunAsync(Pipeline? pipeline, string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        try
        {
            return await new CliApp(CliEnvironment.FromConsole(pipeline)).RunAsync(args, cancellation.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
        {
            return CrashReport.Write(e, Console.Error);
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.Cancelled;
        }

        void Cancel(PosixSignalContext signal)
        {
            if (cancellation.IsCancellationRequested)
            {
                Environment.Exit(ExitCodes.Cancelled);
            }

            signal.Cancel = true;
            cancellation.Cancel();
        }
    }
}
