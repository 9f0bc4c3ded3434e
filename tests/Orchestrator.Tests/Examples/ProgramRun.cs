using System.Diagnostics;

namespace Orchestrator.Tests.Examples;

internal sealed record ProgramResult(int ExitCode, string Out, string Error)
{
    public string LastLine => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.TrimEnd('\r') ?? string.Empty;

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}--- stderr\n{Error}";
}

/// <summary>Runs a real program as a separate process, as a user would, and captures what it printed.</summary>
internal static class ProgramRun
{
    public static readonly string RepositoryRoot = FindRepositoryRoot();

    public static async Task<ProgramResult> RunAsync(string program, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new ProgramResult(process.ExitCode, await output, await error);
    }

    /// <summary>A built program of this checkout (orchestrator.dll, numbers.dll), copied beside the tests.</summary>
    public static Task<ProgramResult> DotnetAsync(string dll, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null) =>
        RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, dll), .. arguments], workingDirectory, environment);

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "WinePipeline.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("the tests run outside the checkout");
    }
}
