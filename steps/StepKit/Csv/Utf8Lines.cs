using System.Buffers;
using System.Text.Unicode;

namespace WinePipeline.StepKit.Csv;

/// <summary>Finds where a file stops being UTF-8. The reader's decoder fails a whole buffer ahead of
/// the row being parsed, so the line of the bad byte is found by a second pass, on error only.</summary>
public static class Utf8Lines
{
    /// <summary>The 1-based line holding the first byte that is not UTF-8, or null if there is none.</summary>
    public static long? FirstInvalid(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        var bytes = new byte[1 << 16];
        var chars = new char[bytes.Length];
        long line = 1;
        var carried = 0;
        while (true)
        {
            var read = file.Read(bytes, carried, bytes.Length - carried);
            var length = carried + read;
            var status = Utf8.ToUtf16(bytes.AsSpan(0, length), chars, out var consumed, out _, replaceInvalidSequences: false, isFinalBlock: read == 0);
            line += bytes.AsSpan(0, consumed).Count((byte)'\n');
            if (status == OperationStatus.InvalidData)
            {
                return line;
            }

            if (read == 0)
            {
                return null;
            }

            // An incomplete character at the end of the buffer is completed by the next read.
            carried = length - consumed;
            bytes.AsSpan(consumed, carried).CopyTo(bytes);
        }
    }
}
