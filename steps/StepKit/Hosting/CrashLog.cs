using System.Globalization;
using WinePipeline.StepKit.Text;

namespace WinePipeline.StepKit.Hosting;

/// <summary>
/// The file an unexpected exception's stack trace goes to, so the terminal gets one line naming
/// it. Created new (never through an existing file or link) and readable by its owner only.
/// </summary>
public static class CrashLog
{
    /// <summary>Writes the report and returns its path.</summary>
    public static string Write(StepContext context, IReadOnlyList<string> args, Exception exception)
    {
        var now = context.Time.GetUtcNow();
        var path = Path.Combine(context.CrashLogFolder,
            string.Create(CultureInfo.InvariantCulture, $"{context.StepName}-crash-{now:yyyyMMdd'T'HHmmss'Z'}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}.log"));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(path, options);
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{context.StepName} failed unexpectedly at {now:O}"));
        writer.WriteLine($"arguments: {string.Join(' ', args.Select(UrlCredentials.RedactUrl))}");
        writer.WriteLine(UrlCredentials.RedactAll(exception.ToString()));
        return path;
    }
}
