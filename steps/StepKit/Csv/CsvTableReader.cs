using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using WinePipeline.StepKit.Validation;

namespace WinePipeline.StepKit.Csv;

/// <summary>
/// Streams a CSV file with a header row, one record at a time, so that steps keep memory flat on
/// large inputs. Empty fields are missing values (null), as pandas reads them. Columns are found by
/// name, a header naming a column twice is refused, and every value of a column that is numeric
/// wherever it appears (<see cref="WineValues.AlwaysNumeric"/>) is checked as it is read.
/// </summary>
public sealed class CsvTableReader : IDisposable
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly StreamReader _reader;
    private readonly CsvParser _parser;
    private readonly Dictionary<string, int> _columns;
    private readonly ValueRule?[] _alwaysNumeric;

    private CsvTableReader(string path, StreamReader reader, CsvParser parser, string[] header)
    {
        Path = path;
        _reader = reader;
        _parser = parser;
        Header = header;
        _columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            if (!_columns.TryAdd(header[i], i))
            {
                throw InvalidInputException.DuplicateColumn(path, header[i], _columns[header[i]] + 1, i + 1);
            }
        }

        _alwaysNumeric = header.Select(WineValues.AlwaysNumeric).ToArray();
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

        var reader = new StreamReader(path, StrictUtf8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = args => throw InvalidInputException.Malformed(path, args.Context.Parser?.RawRow ?? 0, "stray quote in an unquoted field"),
        });
        try
        {
            if (!Read(path, parser) || parser.Record is not { Length: > 0 } header || header is [""])
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
        while (Read(Path, _parser))
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

            var record = new CsvRecord(row, _parser.RawRow, values);
            for (var i = 0; i < values.Length; i++)
            {
                if (_alwaysNumeric[i] is { } rule && values[i] is { } text)
                {
                    Check(record, i, text, rule);
                }
            }

            yield return record;
        }

        if (row == 0 && !allowNoRows)
        {
            throw InvalidInputException.HeaderOnly(Path);
        }
    }

    /// <summary>Parses a numeric field; missing is null. A value that is not a finite number, or
    /// outside the column's range (<see cref="WineValues.WhenNumeric"/>), is an input error.</summary>
    public double? ParseNumber(CsvRecord record, int column) =>
        record.Values[column] is { } text ? Check(record, column, text, WineValues.WhenNumeric(Header[column])) : null;

    public void Dispose()
    {
        _parser.Dispose();
        _reader.Dispose();
    }

    private double Check(CsvRecord record, int column, string text, ValueRule? rule)
    {
        if (!CsvNumbers.TryParse(text, out var value))
        {
            throw InvalidInputException.NotANumber(Path, record.Row, record.Line, Header[column], text);
        }

        if (!double.IsFinite(value))
        {
            throw InvalidInputException.NotFinite(Path, record.Row, record.Line, Header[column], text);
        }

        return rule is null || rule.Accepts(value)
            ? value
            : throw InvalidInputException.OutOfRange(Path, record.Row, record.Line, Header[column], text, rule.Expected);
    }

    private static bool Read(string path, CsvParser parser)
    {
        try
        {
            return parser.Read();
        }
        catch (Exception e) when (e is DecoderFallbackException || e.InnerException is DecoderFallbackException)
        {
            throw InvalidInputException.NotUtf8(path, Utf8Lines.FirstInvalid(path));
        }
        catch (CsvHelperException e)
        {
            throw InvalidInputException.Malformed(path, parser.RawRow, e.GetType().Name);
        }
    }
}
