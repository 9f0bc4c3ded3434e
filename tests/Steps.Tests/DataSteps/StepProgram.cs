using System.Diagnostics;

namespace WinePipeline.Steps.Tests.DataSteps;

/// <summary>Runs a step as the real program (dotnet &lt;step&gt;.dll), the way the process executor runs it.</summary>
public static class StepProgram
{
    public static (int ExitCode, string Output, string Error) Run(string step, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, $"{step}.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), $"{step} did not finish within a minute");
        return (process.ExitCode, output.Result, error.Result);
    }
}
