using WinePipeline.StepKit;
using WinePipeline.StepKit.Csv;

namespace WinePipeline.Steps.DownloadData;

/// <summary>Checks that a fetched file is the raw wine-reviews CSV: a header holding every raw column.</summary>
public static class RawDataCheck
{
    /// <summary>Throws an input error naming <paramref name="source"/> unless <paramref name="path"/>
    /// starts with a CSV header holding every named raw column (<see cref="WineColumns.Raw"/>).</summary>
    public static void Verify(string path, string source)
    {
        IReadOnlyList<string> header;
        try
        {
            using var table = CsvTableReader.Open(path);
            header = table.Header;
        }
        catch (InvalidInputException e)
        {
            // The reader names the staged temporary file; the user knows the source.
            var reason = e.Message.StartsWith($"{path}: ", StringComparison.Ordinal) ? e.Message[(path.Length + 2)..] : e.Message;
            throw new InvalidInputException($"{source}: not a CSV file with a header row ({reason})");
        }

        var missing = WineColumns.Raw.Except(header, StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidInputException(
                $"{source}: not the wine-reviews CSV: missing column(s) {string.Join(", ", missing)}");
        }
    }
}
