using WinePipeline.StepKit.Hosting;

namespace WinePipeline.Steps.Tests.DataSteps;

/// <summary>Runs a step in-process through <see cref="StepHost.Run{TOptions}"/> and captures what it printed.</summary>
public sealed record StepRun(int ExitCode, string Out, string Error)
{
    /// <summary>1 January 2024, for tests where the current year matters.</summary>
    public static readonly TimeProvider In2024 = new FixedTime(new DateTimeOffset(2024, 1, 1, 12, 0, 0, TimeSpan.Zero));

    public static StepRun Of<TOptions>(string stepName, Action<TOptions, StepContext> step, params string[] args)
        where TOptions : class =>
        Of(stepName, step, TimeProvider.System, args);

    public static StepRun Of<TOptions>(string stepName, Action<TOptions, StepContext> step, TimeProvider time, params string[] args)
        where TOptions : class
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
    public void FailedWithNoOutput(TempFolder folder, params string[] fragments)
    {
        Assert.Equal(1, ExitCode);
        var lines = Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, lines[0]);
        }

        Assert.Empty(folder.OutputNames());
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
