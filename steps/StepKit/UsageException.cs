namespace WinePipeline.StepKit;

/// <summary>
/// A command line the step cannot run with (a missing or malformed option, an option value that
/// points outside the step's folder): one line on stderr and exit code 2, before any work starts.
/// </summary>
public sealed class UsageException(string message) : Exception(message)
{
    public static UsageException NotAPlainFileName(string option, string value) =>
        new($"{option} '{value}' must be a plain file name inside --out-dir, without folders");

    public static UsageException OutOfRange(string option, long value, string expected) =>
        new($"{option} must be {expected}, got {value}");

    public static UsageException Empty(string option) =>
        new($"{option} must not be empty");
}
