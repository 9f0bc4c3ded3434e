namespace WinePipeline.Orchestrator.Cli;

/// <summary>The command line asks for something impossible; printed as one line, exit code 2.</summary>
public sealed class UsageException : Exception
{
    private UsageException(string message)
        : base(message)
    {
    }

    public static UsageException UnknownExecutor(string name) =>
        new($"unknown executor '{name}'; use --executor docker, --executor swarm or --executor process");

    public static UsageException OutOfRange(string option, int value, int minimum) =>
        new($"--{option} {value} is out of range; it must be at least {minimum}");

    public static UsageException ForcedTaskNotNeeded(string forced, string target) =>
        new($"--force {forced} has no effect: {target} does not depend on it; force one of the tasks upstream of {target}");

    public static UsageException ParseError(string message) =>
        new($"{message} (see orchestrator --help)");
}
