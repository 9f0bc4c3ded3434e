namespace Orchestrator.Execution.Process;

/// <summary>Shows an argument list the way a shell would take it back; for messages only, never to run.</summary>
internal static class ShellQuoting
{
    public static string Quote(string argument) =>
        argument.Length > 0 && !argument.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '&' or '?' or ';' or '$' or '|' or '<' or '>' or '*')
            ? argument
            : $"'{argument.Replace("'", "'\\''")}'";
}
