namespace WinePipeline.Orchestrator.Cli;

public static class ExitCodes
{
    public const int Success = 0;
    public const int TaskFailed = 1;
    public const int UsageError = 2;
    public const int Cancelled = 130;
}
