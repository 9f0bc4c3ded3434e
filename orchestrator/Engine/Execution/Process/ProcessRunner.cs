using System.Diagnostics;

namespace Orchestrator.Execution.Process;

/// <summary>Starts a program with an argument list (never a shell string), reads both streams as they come, and kills the whole tree on cancellation.</summary>
internal static class ProcessRunner
{
    public static async Task<int> RunAsync(ProcessStart start, Action<LogStream, string> onLine, CancellationToken cancellation)
    {
        var startInfo = new ProcessStartInfo(start.Program)
        {
            WorkingDirectory = start.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        foreach (var argument in start.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in start.Environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        using var process = System.Diagnostics.Process.Start(startInfo)
            ?? throw new InvalidOperationException($"could not start {start.Program}");
        var stdout = PumpAsync(process.StandardOutput, line => onLine(LogStream.Stdout, line));
        var stderr = PumpAsync(process.StandardError, line => onLine(LogStream.Stderr, line));
        try
        {
            await process.WaitForExitAsync(cancellation);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw;
        }

        await Task.WhenAll(stdout, stderr);
        return process.ExitCode;
    }

    private static async Task PumpAsync(StreamReader reader, Action<string> onLine)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            onLine(line);
        }
    }
}
