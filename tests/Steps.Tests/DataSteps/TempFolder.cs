using WinePipeline.StepKit.Csv;

namespace WinePipeline.Steps.Tests.DataSteps;

/// <summary>A temporary folder holding a test's input CSVs and its out-dir; deleted afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), $"data-steps-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Root);
        OutDir = Path.Combine(Root, "out");
    }

    public string Root { get; }

    public string OutDir { get; }

    /// <summary>Writes a file of the given lines into the folder and returns its path.</summary>
    public string Write(string name, params string[] lines)
    {
        var path = Path.Combine(Root, name);
        File.WriteAllText(path, lines.Length == 0 ? string.Empty : string.Join('\n', lines) + "\n");
        return path;
    }

    public string PathOf(string name) => Path.Combine(Root, name);

    public string Output(string name) => Path.Combine(OutDir, name);

    /// <summary>The names of everything in the out-dir, hidden temporaries included.</summary>
    public string[] OutputNames() =>
        Directory.Exists(OutDir) ? Directory.GetFiles(OutDir).Select(p => Path.GetFileName(p)).Order().ToArray() : [];

    /// <summary>Reads an output CSV: its header and its rows, missing fields as null.</summary>
    public (IReadOnlyList<string> Header, List<string?[]> Rows) ReadOutput(string name)
    {
        using var reader = CsvTableReader.Open(Output(name));
        return (reader.Header, reader.ReadRecords(allowNoRows: true).Select(r => r.Values).ToList());
    }

    /// <summary>One column of an output CSV.</summary>
    public List<string?> ReadColumn(string name, string column)
    {
        var (header, rows) = ReadOutput(name);
        var index = header.ToList().IndexOf(column);
        Assert.True(index >= 0, $"{name} has no column {column}");
        return rows.Select(r => r[index]).ToList();
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
