using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using WinePipeline.StepKit.Hosting;
using WinePipeline.StepKit.Options;
using WinePipeline.Steps.DownloadData;
using WinePipeline.Steps.Tests.DataSteps;

namespace WinePipeline.Steps.Tests.Attacks;

/// <summary>StepHost as the single top-level handler: an exception no step expected becomes one
/// stderr line naming a crash log, and the stack trace goes to that log only. The steps here are
/// stand-ins that throw, since no real step is known to crash.</summary>
public sealed partial class CrashHandlingTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void An_unexpected_exception_is_one_line_naming_an_owner_only_log_that_holds_the_stack_trace()
    {
        var (exitCode, output, error) = Run<TrainTestStepOptions>((_, _) => ThrowDeepInsideAStep("the index was\nnot where\r\nexpected"),
            "--in-train-csv", "a.csv", "--in-test-csv", "b.csv", "--out-dir", _folder.OutDir);

        Assert.Equal(1, exitCode);
        Assert.Empty(output);
        var match = CrashLine().Match(error);
        Assert.True(match.Success, error);
        Assert.Equal("probe: error: unexpected InvalidOperationException: the index was not where expected", match.Groups["line"].Value);
        var log = match.Groups["log"].Value;
        Assert.Equal(_folder.Root, Path.GetDirectoryName(log));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(log));
        var trace = File.ReadAllText(log);
        Assert.Contains($"arguments: --in-train-csv a.csv --in-test-csv b.csv --out-dir {_folder.OutDir}", trace);
        Assert.Contains(nameof(ThrowDeepInsideAStep), trace);
        Assert.DoesNotContain(nameof(ThrowDeepInsideAStep), error);
    }

    [Fact]
    public void Credentials_are_masked_in_the_line_and_in_the_crash_log()
    {
        var (_, _, error) = Run<DownloadOptions>((options, _) => throw new InvalidOperationException($"fetch {options.Url} failed"),
            "--name", "wine_dataset", "--url", "https://reader:hunter2@example.org/wine.csv", "--out-dir", _folder.OutDir);

        var match = CrashLine().Match(error);
        Assert.True(match.Success, error);
        Assert.Equal("probe: error: unexpected InvalidOperationException: fetch https://***@example.org/wine.csv failed", match.Groups["line"].Value);
        var trace = File.ReadAllText(match.Groups["log"].Value);
        Assert.Contains("--url https://***@example.org/wine.csv", trace);
        Assert.DoesNotContain("hunter2", trace + error);
    }

    [Fact]
    public void A_crash_log_that_cannot_be_written_still_gives_one_line()
    {
        var missing = _folder.PathOf("no-such-folder");

        var (exitCode, _, error) = RunWithCrashLogsIn<TrainTestStepOptions>(missing, (_, _) => throw new NotSupportedException("odd input"),
            "--in-train-csv", "a.csv", "--in-test-csv", "b.csv", "--out-dir", _folder.OutDir);

        Assert.Equal(1, exitCode);
        Assert.StartsWith($"probe: error: unexpected NotSupportedException: odd input (the stack trace could not be written to {missing}: ", error);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_parse_error_from_the_real_program_is_one_line_with_exit_2()
    {
        var (exitCode, output, error) = StepProgram.Run("transform_data", "--in-train-csv", "a.csv", "--colour", "red");

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("transform_data: error: ", error);
        Assert.Contains("'colour' is unknown", error);
        Assert.EndsWith("(--help lists the options)\n", error);
    }

    [Fact]
    public void Help_goes_to_stdout_with_exit_0()
    {
        var (exitCode, output, error) = StepProgram.Run("train_model", "--help");

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        Assert.Contains("--min-rows", output);
    }

    private static void ThrowDeepInsideAStep(string message) => throw new InvalidOperationException(message);

    private (int ExitCode, string Output, string Error) Run<TOptions>(Action<TOptions, StepContext> step, params string[] args)
        where TOptions : StepOptions =>
        RunWithCrashLogsIn(_folder.Root, step, args);

    private static (int ExitCode, string Output, string Error) RunWithCrashLogsIn<TOptions>(string crashLogFolder, Action<TOptions, StepContext> step, params string[] args)
        where TOptions : StepOptions
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new StepContext("probe", output, error, TimeProvider.System, CancellationToken.None) { CrashLogFolder = crashLogFolder };
        var exitCode = StepHost.Run(args, step, context);
        return (exitCode, output.ToString(), error.ToString());
    }

    [GeneratedRegex(@"^(?<line>.*) \(stack trace in (?<log>/\S+\.log)\)\n$")]
    private static partial Regex CrashLine();
}
