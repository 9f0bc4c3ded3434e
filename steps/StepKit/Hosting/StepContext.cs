using WinePipeline.StepKit.Text;

namespace WinePipeline.StepKit.Hosting;

/// <summary>What a step may touch besides its files: its output streams, the clock and cancellation.</summary>
public sealed class StepContext(string stepName, TextWriter output, TextWriter error, TimeProvider time, CancellationToken cancellation)
{
    public string StepName { get; } = stepName;
    public TextWriter Out { get; } = output;
    public TextWriter Error { get; } = error;
    public TimeProvider Time { get; } = time;
    public CancellationToken Cancellation { get; } = cancellation;

    /// <summary>Where the stack trace of an unexpected failure is written; the system's temporary folder unless set.</summary>
    public string CrashLogFolder { get; init; } = Path.GetTempPath();

    /// <summary>Writes a progress line; credentials in URLs never reach the log.</summary>
    public void Log(string message) => Out.WriteLine(UrlCredentials.RedactAll(message));
}
