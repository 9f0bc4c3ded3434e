using Orchestrator.Runs;

namespace Orchestrator.Cli;

internal static class ExitCodes
{
    public const int Success = 0;
    public const int TaskFailed = 1;
    public const int UsageError = 2;
    public const int Cancelled = 130;

    public static int Of(RunOutcome outcome) => outcome switch
    {
        RunOutcome.Failed or RunOutcome.Interrupted => TaskFailed,
        RunOutcome.Cancelled => Cancelled,
        RunOutcome.NotStarted or RunOutcome.Skipped => UsageError,
        _ => Success,
    };
}
