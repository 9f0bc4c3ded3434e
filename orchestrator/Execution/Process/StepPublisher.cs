namespace WinePipeline.Orchestrator.Execution.Process;

/// <summary>Publishes step programs that are not there yet (`dotnet publish steps/&lt;step&gt; -c Release`), once each.</summary>
internal sealed class StepPublisher(ProcessExecutorSettings settings, TextWriter progress)
{
    private const int StderrLinesInError = 1;

    public async Task EnsurePublishedAsync(IEnumerable<string> steps, CancellationToken cancellation)
    {
        // One at a time: the steps share StepKit's obj/ folder, which parallel publishes would fight over.
        foreach (var step in steps.Distinct().Where(step => !File.Exists(settings.ProgramOf(step))))
        {
            await PublishAsync(step, cancellation);
        }
    }

    private async Task PublishAsync(string step, CancellationToken cancellation)
    {
        var output = Path.Combine(settings.PublishDirectory, step);
        var hint = $"run `dotnet publish steps/{step} -c Release -o {output}` to see why";
        if (settings.RepositoryRoot is null)
        {
            throw new ExecutorUnavailableException(
                $"step {step} is not published at {settings.ProgramOf(step)} and no {RepositoryRoot.SolutionFile} checkout was found to publish it from; publish it there or pass --steps-dir");
        }

        var project = Path.Combine(settings.RepositoryRoot, "steps", step);
        progress.WriteLine($"publishing step {step} to {output} (once; later runs reuse it)");
        var errors = new List<string>();
        var exitCode = await ProcessRunner.RunAsync(
            "dotnet",
            ["publish", project, "-c", "Release", "-o", output, "--nologo"],
            settings.RepositoryRoot,
            (_, line) => KeepErrors(errors, line),
            cancellation);
        if (exitCode != 0 || !File.Exists(settings.ProgramOf(step)))
        {
            var cause = errors.Count > 0 ? string.Join(" ", errors.Take(StderrLinesInError)).Trim() : $"dotnet publish exited with code {exitCode}";
            throw new ExecutorUnavailableException($"could not publish step {step}: {cause}; {hint}");
        }
    }

    private static void KeepErrors(List<string> errors, string line)
    {
        if (line.Contains("error", StringComparison.OrdinalIgnoreCase))
        {
            lock (errors)
            {
                errors.Add(line);
            }
        }
    }
}
