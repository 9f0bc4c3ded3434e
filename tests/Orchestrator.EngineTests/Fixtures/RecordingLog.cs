using System.Collections.Concurrent;
using Orchestrator.Execution;

namespace Orchestrator.EngineTests.Fixtures;

internal sealed class RecordingLog : ITaskLog
{
    private readonly ConcurrentQueue<(LogStream Stream, string Text)> lines = new();

    public void Line(LogStream stream, string text) => lines.Enqueue((stream, text));

    public IReadOnlyList<string> Of(LogStream stream) => [.. lines.Where(line => line.Stream == stream).Select(line => line.Text)];
}
