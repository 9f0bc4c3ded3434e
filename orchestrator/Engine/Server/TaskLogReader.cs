using System.Text;

namespace Orchestrator.Server;

/// <summary>Reads an attempt's log from a byte offset, so the page can poll for what is new.</summary>
internal static class TaskLogReader
{
    private const int MaxChunk = 256 * 1024;

    public static (string Text, long Next) ReadFrom(Stream stream, long since)
    {
        var start = since < 0 || since > stream.Length ? 0 : since;
        stream.Position = start;
        var buffer = new byte[(int)Math.Min(MaxChunk, stream.Length - start)];
        stream.ReadExactly(buffer);
        // Stop at the last complete line so a line being written is never split in two.
        var end = buffer.Length == 0 || buffer[^1] == (byte)'\n' ? buffer.Length : Array.LastIndexOf(buffer, (byte)'\n') + 1;
        return (Encoding.UTF8.GetString(buffer, 0, end), start + end);
    }
}
