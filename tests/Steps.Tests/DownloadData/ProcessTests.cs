using WinePipeline.Steps.Tests.DataSteps;

namespace WinePipeline.Steps.Tests.DownloadData;

/// <summary>download_data run as the real program, the way the process executor runs it.</summary>
public sealed class ProcessTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_program_writes_the_sample_and_exits_0()
    {
        var (exitCode, output, error) = RunProgram("--name", "wine_dataset", "--url", Download.SampleUrl(300, 5), "--out-dir", _folder.OutDir);

        Assert.True(exitCode == 0, error);
        Assert.Contains("wrote", output);
        Assert.Equal(301, File.ReadAllLines(_folder.Output(Download.OutputName)).Length);
    }

    [Fact]
    public void The_program_reports_a_missing_file_in_one_line_and_exits_1()
    {
        var missing = _folder.PathOf("absent.csv");

        var (exitCode, _, error) = RunProgram("--name", "wine_dataset", "--url", missing, "--out-dir", _folder.OutDir);

        Assert.Equal(1, exitCode);
        Assert.Equal($"download_data: error: {missing}: file not found", error.TrimEnd('\n'));
        Assert.Empty(_folder.OutputNames());
    }

    private static (int ExitCode, string Output, string Error) RunProgram(params string[] args) =>
        StepProgram.Run("download_data", args);
}
