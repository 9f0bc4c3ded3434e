using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace WinePipeline.StepKit.Csv;

/// <summary>
/// Streams a CSV file with a header row, one record at a time, so that steps keep memory flat on
/// large inputs. Empty fields are missing values (null), as pandas reads them.
/// </summary>
public sealed class CsvTableReader : IDisposable
{
    private readonly StreamReader _reader;
    private readonly CsvParser _parser;
    private readonly Dictionary<string, int> _columns;

    private CsvTableReader(string path, StreamReader reader, CsvParser parser, string[] header)
    {
        Path = path;
        _reader = reader;
        _parser = parser;
        Header = header;
        _columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            _columns.TryAdd(header[i], i);
        }
    }

    public string Path { get; }

    public IReadOnlyList<string> Header { get; }

    /// <summary>Opens a CSV file and checks that it has a header holding every required column.</summary>
    public static CsvTableReader Open(string path, params IEnumerable<string> requiredColumns)
    {
        if (!File.Exists(path))
        {
            throw InvalidInputException.FileNotFound(path);
        }

        var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = args => throw InvalidInputException.Malformed(path, args.Context.Parser?.RawRow ?? 0, "stray quote in an unquoted field"),
        });
        try
        {
            if (!parser.Read() || parser.Record is not { Length: > 0 } header || header is [""])
            {
                throw InvalidInputException.EmptyFile(path);
            }

            var table = new CsvTableReader(path, reader, parser, header);
            foreach (var column in requiredColumns)
            {
                table.ColumnIndex(column);
            }

            return table;
        }
        catch
        {
            parser.Dispose();
            reader.Dispose();
            throw;
        }
    }

    /// <summary>The position of a column in the header; a missing column is an input error.</summary>
    public int ColumnIndex(string column) =>
        _columns.TryGetValue(column, out var index)
            ? index
            : throw InvalidInputException.MissingColumn(Path, column, Header);

    /// <summary>Reads the remaining records. A file with a header but no rows is an input error
    /// unless <paramref name="allowNoRows"/>.</summary>
    public IEnumerable<CsvRecord> ReadRecords(bool allowNoRows = false)
    {
        long row = 0;
        while (ReadNext())
        {
            row++;
            var fields = _parser.Record!;
            if (fields.Length != Header.Count)
            {
                throw InvalidInputException.WrongFieldCount(Path, row, _parser.RawRow, fields.Length, Header.Count);
            }

            var values = new string?[fields.Length];
            for (var i = 0; i < fields.Length; i++)
            {
                values[i] = fields[i].Length == 0 ? null : fields[i];
            }

            yield return new CsvRecord(row, _parser.RawRow, values);
        }

        if (row == 0 && !allowNoRows)
        {
            throw InvalidInputException.HeaderOnly(Path);
        }
    }

    /// <summary>Parses a numeric field; missing is null, anything else unparsable is an input error.</summary>
    public double? ParseNumber(CsvRecord record, int column)
    {
        var text = record.Values[column];
        if (text is null)
        {
            return null;
        }

        return CsvNumbers.TryParse(text, out var value)
            ? value
            : throw InvalidInputException.NotANumber(Path, record.Row, record.Line, Header[column], text);
    }

    public void Dispose()
    {
        _parser.Dispose();
        _reader.Dispose();
    }

    private bool ReadNext()
    {
        try
        {
            return _parser.Read();
        }
        catch (CsvHelperException e) when (e is not null)
        {
            throw InvalidInputException.Malformed(Path, _parser.RawRow, e.GetType().Name);
        }
    }
}
