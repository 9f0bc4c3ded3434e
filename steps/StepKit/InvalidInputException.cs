namespace WinePipeline.StepKit;

/// <summary>
/// Bad input a user can fix: reported as one line naming the file, and the row and column where
/// there is one, never with a stack trace.
/// </summary>
public sealed class InvalidInputException(string message) : Exception(message)
{
    public static InvalidInputException FileNotFound(string path) =>
        new($"{path}: file not found");

    public static InvalidInputException EmptyFile(string path) =>
        new($"{path}: the file is empty; expected a CSV header and rows");

    public static InvalidInputException HeaderOnly(string path) =>
        new($"{path}: the file has a header but no rows");

    public static InvalidInputException MissingColumn(string path, string column, IEnumerable<string> header) =>
        new($"{path}: required column '{column}' is missing (columns: {string.Join(", ", header.Select(h => $"'{h}'"))})");

    public static InvalidInputException WrongFieldCount(string path, long row, long line, int actual, int expected) =>
        new($"{path}: row {row} (line {line}) has {actual} fields, expected {expected}");

    public static InvalidInputException NotANumber(string path, long row, long line, string column, string value) =>
        new($"{path}: row {row} (line {line}), column '{column}': '{value}' is not a number");

    public static InvalidInputException NotFinite(string path, long row, long line, string column, string value) =>
        new($"{path}: row {row} (line {line}), column '{column}': '{value}' is not a finite number");

    public static InvalidInputException OutOfRange(string path, long row, long line, string column, string value, string expected) =>
        new($"{path}: row {row} (line {line}), column '{column}': {value} is out of range (expected {expected})");

    public static InvalidInputException DuplicateColumn(string path, string column, int first, int second) =>
        new($"{path}: column '{column}' appears twice in the header (columns {first} and {second})");

    public static InvalidInputException NotUtf8(string path, long? line) =>
        new(line is { } n ? $"{path}: line {n} is not UTF-8 text" : $"{path}: not UTF-8 text");

    public static InvalidInputException Malformed(string path, long line, string detail) =>
        new($"{path}: line {line}: malformed CSV ({detail})");

    public static InvalidInputException Invalid(string path, string detail) =>
        new($"{path}: {detail}");
}
