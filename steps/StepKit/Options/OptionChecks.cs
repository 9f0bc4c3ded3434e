namespace WinePipeline.StepKit.Options;

/// <summary>Checks of option values that the command-line parser cannot express; each failure is a <see cref="UsageException"/>.</summary>
public static class OptionChecks
{
    /// <summary>A file name that stays inside the folder it is combined with: not empty, no folder
    /// separators, not "." or "..", no characters a file name cannot hold.</summary>
    public static string PlainFileName(string option, string value) =>
        value.Length == 0 || value is "." or ".." || value.IndexOfAny(['/', '\\']) >= 0
        || value.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || value.Any(char.IsControl)
            ? throw UsageException.NotAPlainFileName(option, value)
            : value;

    public static void AtLeast(string option, long value, long minimum)
    {
        if (value < minimum)
        {
            throw UsageException.OutOfRange(option, value, $"at least {minimum}");
        }
    }
}
