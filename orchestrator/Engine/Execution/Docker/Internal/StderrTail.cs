namespace Orchestrator.Execution.Docker.Internal;

/// <summary>Passes every line on and remembers the last stderr lines for the failure report.</summary>
internal sealed class StderrTail(ITaskLog inner, int length) : ITaskLog
{
    private readonly Queue<string> lines = new(length);

    public IReadOnlyList<string> Lines => [.. lines];

    public void Line(LogStream stream, string text)
    {
        inner.Line(stream, text);
        if (stream != LogStream.Stderr)
        {
            return;
        }

        if (lines.Count == length)
        {
            lines.Dequeue();
        }

        lines.Enqueue(text);
    }
}
