using System.Runtime.InteropServices;
using WinePipeline.Orchestrator.Cli;

namespace WinePipeline.Orchestrator;

public static class Program
{
    /// <summary>Ctrl-C or SIGTERM cancels the run (running tasks end Aborted); a second one exits at once.</summary>
    public static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        return await new CliApp(CliEnvironment.FromConsole()).RunAsync(args, cancellation.Token);

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
