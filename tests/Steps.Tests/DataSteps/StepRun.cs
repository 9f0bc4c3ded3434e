using WinePipeline.StepKit.Hosting;
using WinePipeline.StepKit.Options;

namespace WinePipeline.Steps.Tests.DataSteps;

/// <summary>Runs a step in-process through <see cref="StepHost.Run{TOptions}"/> and captures what it printed.</summary>
public sealed record StepRun(int ExitCode, string Out, string Error)
{
    /// <summary>1 January 2024, for tests where the current year matters.</summary>
    public static readonly TimeProvider In2024 = new FixedTime(new DateTimeOffset(2024, 1, 1, 12, 0, 0, TimeSpan.Zero));

    public static StepRun Of<TOptions>(string stepName, Action<TOptions, StepContext> step, params string[] args)
        where TOptions : StepOptions =>
        Of(stepName, step, TimeProvider.System, args);

    public static StepRun Of<TOptions>(string stepName, Action<TOptions, StepContext> step, TimeProvider time, params string[] args)
        where TOptions : StepOptions
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new StepContext(stepName, output, error, time, CancellationToken.None);
        var exitCode = StepHost.Run(args, step, context);
        return new StepRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Asserts success, showing stderr otherwise.</summary>
    public StepRun Succeeded()
    {
        Assert.True(ExitCode == 0, $"exit {ExitCode}: {Error}");
        return this;
    }

    /// <summary>Asserts the bad-input outcome: exit 1, one stderr line holding every fragment, and
    /// nothing at all (no output, temporary file or flag) in the folder's out-dir.</summary>
    public void FailedWithNoOutput(TempFolder folder, params string[] fragments) =>
        FailedWith(StepHost.Failed, folder, fragments);

    /// <summary>Asserts a usage error: exit 2, one stderr line holding every fragment, nothing in the out-dir.</summary>
    public void FailedWithUsageError(TempFolder folder, params string[] fragments) =>
        FailedWith(StepHost.UsageError, folder, fragments);

    /// <summary>The single stderr line; fails unless there is exactly one.</summary>
    public string ErrorLine()
    {
        var lines = Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"expected one stderr line, got {lines.Length}:\n{Error}");
        return lines[0];
    }

    private void FailedWith(int exitCode, TempFolder folder, string[] fragments)
    {
        Assert.True(ExitCode == exitCode, $"expected exit {exitCode}, got {ExitCode}: {Error}");
        var line = ErrorLine();
        foreach (var fragment in fragments)
        {
            Assert.True(line.Contains(fragment, StringComparison.Ordinal), $"expected \"{fragment}\" in: {line}");
        }

        Assert.Empty(folder.OutputNames());
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
