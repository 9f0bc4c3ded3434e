namespace WinePipeline.StepKit.Hosting;

/// <summary>What a step may touch besides its files: its output streams, the clock and cancellation.</summary>
public sealed class StepContext(string stepName, TextWriter output, TextWriter error, TimeProvider time, CancellationToken cancellation)
{
    public string StepName { get; } = stepName;
    public TextWriter Out { get; } = output;
    public TextWriter Error { get; } = error;
    public TimeProvider Time { get; } = time;
    public CancellationToken Cancellation { get; } = cancellation;

    public void Log(string message) => Out.WriteLine(message);
}
