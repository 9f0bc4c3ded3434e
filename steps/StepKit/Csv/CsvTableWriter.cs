using System.Globalization;
using System.Text;
using CsvHelper;

namespace WinePipeline.StepKit.Csv;

/// <summary>Writes a CSV file with a header; null fields are written empty (missing).</summary>
public sealed class CsvTableWriter : IDisposable
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
    private readonly CsvWriter _writer;
    private readonly int _width;

    public CsvTableWriter(string path, IReadOnlyList<string> header)
        : this(new StreamWriter(path, append: false, Utf8NoBom, bufferSize: 1 << 16), header)
    {
    }

    /// <summary>Writes to <paramref name="target"/>, which stays open when the writer is disposed.</summary>
    public CsvTableWriter(Stream target, IReadOnlyList<string> header)
        : this(new StreamWriter(target, Utf8NoBom, bufferSize: 1 << 16, leaveOpen: true), header)
    {
    }

    private CsvTableWriter(StreamWriter writer, IReadOnlyList<string> header)
    {
        _writer = new CsvWriter(writer, CultureInfo.InvariantCulture);
        _width = header.Count;
        WriteRow(header.ToArray());
    }

    public void WriteRow(ReadOnlySpan<string?> fields)
    {
        if (fields.Length != _width)
        {
            throw new ArgumentException($"expected {_width} fields, got {fields.Length}", nameof(fields));
        }

        foreach (var field in fields)
        {
            _writer.WriteField(field ?? string.Empty);
        }

        _writer.NextRecord();
    }

    public void Dispose() => _writer.Dispose();
}
