namespace Orchestrator.Cli;

/// <summary>The command line asks for something impossible; printed as one line, exit code 2.</summary>
internal sealed class UsageException : Exception
{
    private UsageException(string message)
        : base(message)
    {
    }

    public static UsageException OutOfRange(string option, int value, int minimum) =>
        new($"--{option} {value} is out of range; it must be at least {minimum}");

    public static UsageException ParseError(string message) =>
        new($"{message} (see orchestrator --help)");
}
