using System.Diagnostics;
using Orchestrator.Tests.Support;

namespace Orchestrator.Tests.Execution;

/// <summary>Two orchestrators building one checkout's local programs at once: the second waits for the first's build, says so, and then uses it.</summary>
public sealed class BuildLockTests : IDisposable
{
    // The build blocks until the test creates "release", so the second orchestrator surely meets the first's build.
    private const string Pipeline = """
        name: built
        tasks:
          Use:
            image: unused
            command: [sh, built.sh]
            args: ["${out}/used.txt"]
            code: [tool.sh]
            build:
              command: [sh, -c, "echo started >> builds.log; while [ ! -e release ]; do sleep 0.05; done; cp tool.sh built.sh"]
              output: built.sh
            outputs: { used: used.txt }
        """;

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    private readonly TempDirectory checkout = new();

    [Fact]
    public async Task Second_orchestrator_waits_for_the_first_ones_build_says_so_and_does_not_build_again()
    {
        File.WriteAllText(checkout.Combine("pipeline.yaml"), Pipeline);
        File.WriteAllText(checkout.Combine("tool.sh"), "echo used > \"$1\"\n");
        using var cancellation = new CancellationTokenSource(Timeout);

        using var first = Start("first");
        while (!File.Exists(checkout.Combine("builds.log")))
        {
            await Task.Delay(20, cancellation.Token);
        }

        using var second = Start("second");
        var secondOutput = new List<string>();
        while (await second.StandardOutput.ReadLineAsync(cancellation.Token) is { } line && !line.StartsWith("waiting for another build", StringComparison.Ordinal))
        {
            secondOutput.Add(line);
        }

        File.WriteAllText(checkout.Combine("release"), string.Empty);
        var firstOutput = await first.StandardOutput.ReadToEndAsync(cancellation.Token);
        secondOutput.Add(await second.StandardOutput.ReadToEndAsync(cancellation.Token));
        await Task.WhenAll(first.WaitForExitAsync(cancellation.Token), second.WaitForExitAsync(cancellation.Token));

        Assert.True(first.ExitCode == 0, firstOutput);
        Assert.True(second.ExitCode == 0, string.Join('\n', secondOutput));
        Assert.Equal(["started"], File.ReadAllLines(checkout.Combine("builds.log")));
        Assert.Contains("building 1/1: Use (sh -c ", firstOutput);
        Assert.DoesNotContain(secondOutput, line => line.Contains("building", StringComparison.Ordinal));
        Assert.Equal("used", File.ReadAllText(checkout.Combine("second", "used.txt")).Trim());
    }

    public void Dispose() => checkout.Dispose();

    private Process Start(string dataRoot)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = checkout.Path };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "orchestrator.dll"), "run", "-f", "pipeline.yaml", "--executor", "process", "--data-root", checkout.Combine(dataRoot) })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }
}
