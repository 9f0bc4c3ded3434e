namespace Orchestrator.Cli;

/// <summary>The last resort: an unexpected exception becomes one line on the terminal and its stack trace in a log file.</summary>
internal static class CrashReport
{
    public static int Write(Exception exception, TextWriter error)
    {
        var path = Path.Combine(Path.GetTempPath(), $"orchestrator-crash-{Environment.ProcessId}-{TimeProvider.System.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}.log");
        try
        {
            File.WriteAllText(path, exception.ToString());
            error.WriteLine($"orchestrator: unexpected error: {FirstLine(exception.Message)} (stack trace in {path})");
        }
        catch (IOException)
        {
            error.WriteLine($"orchestrator: unexpected error: {FirstLine(exception.Message)} (the stack trace could not be written to {path})");
        }

        return ExitCodes.TaskFailed;
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
