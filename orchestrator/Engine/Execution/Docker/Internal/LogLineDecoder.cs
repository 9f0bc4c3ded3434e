using System.Text;

namespace Orchestrator.Execution.Docker.Internal;

/// <summary>
/// Turns one output stream's bytes, in chunks of any size, into lines: a line or a UTF-8 character
/// split across chunks is reassembled, and a last line without a newline is not lost.
/// </summary>
internal sealed class LogLineDecoder(LogStream stream, ITaskLog log)
{
    private readonly Decoder utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetDecoder();
    private readonly StringBuilder unfinishedLine = new();
    private char[] chars = [];

    public void Write(ReadOnlySpan<byte> bytes) => SplitLines(Decode(bytes, flush: false));

    /// <summary>Ends the stream, logging what remains as the last line.</summary>
    public void Complete()
    {
        SplitLines(Decode([], flush: true));
        if (unfinishedLine.Length > 0)
        {
            EmitLine();
        }
    }

    private ReadOnlySpan<char> Decode(ReadOnlySpan<byte> bytes, bool flush)
    {
        // +1: flushing may turn an incomplete sequence held back earlier into a replacement character.
        var maxChars = Encoding.UTF8.GetMaxCharCount(bytes.Length) + 1;
        if (chars.Length < maxChars)
        {
            chars = new char[maxChars];
        }

        return chars.AsSpan(0, utf8.GetChars(bytes, chars, flush));
    }

    private void SplitLines(ReadOnlySpan<char> text)
    {
        for (var newline = text.IndexOf('\n'); newline >= 0; newline = text.IndexOf('\n'))
        {
            unfinishedLine.Append(text[..newline]);
            EmitLine();
            text = text[(newline + 1)..];
        }

        unfinishedLine.Append(text);
    }

    private void EmitLine()
    {
        if (unfinishedLine.Length > 0 && unfinishedLine[^1] == '\r')
        {
            unfinishedLine.Length--;
        }

        log.Line(stream, unfinishedLine.ToString());
        unfinishedLine.Clear();
    }
}
