using WinePipeline.StepKit.Csv;
using WinePipeline.Steps.Tests.DataSteps;

namespace WinePipeline.Steps.Tests.DownloadData;

/// <summary>One larger sample, generated once through the step for the tests that count rates.</summary>
public sealed class SampleStatistics
{
    public const int RowCount = 20_000;

    private static readonly Lazy<SampleStatistics> Instance = new(() => new SampleStatistics());

    private SampleStatistics()
    {
        var folder = new TempFolder();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => folder.Dispose();
        Download.Run(folder, Download.SampleUrl(RowCount, seed: 2024)).Succeeded();
        Path = folder.Output(Download.OutputName);
        using var reader = CsvTableReader.Open(Path);
        Header = reader.Header;
        Records = reader.ReadRecords().Select(r => r.Values).ToList();
    }

    public static SampleStatistics Shared => Instance.Value;

    public string Path { get; }

    public IReadOnlyList<string> Header { get; }

    public List<string?[]> Records { get; }

    public List<string?> Column(string name)
    {
        var index = Header.ToList().IndexOf(name);
        return Records.Select(r => r[index]).ToList();
    }
}
