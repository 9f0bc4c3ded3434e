using Orchestrator.Fingerprints;
using Orchestrator.Graph;

namespace Orchestrator.Execution.Process;

/// <summary>
/// Builds the local programs tasks declare (<see cref="LocalBuild"/>) before they run: a build runs when
/// its output is missing or the code of a task using it changed since it last ran (the code's hash is
/// kept beside the output, in &lt;output&gt;.code-sha256). Tasks sharing a command share a build. The first
/// build runs alone, since builds often share dependencies (a common library); the rest run in
/// parallel, one per core. Progress: "building 3/8: ...".
/// </summary>
internal sealed class LocalBuilds(ContentHashes hashes, TextWriter progress)
{
    private const string StampSuffix = ".code-sha256";

    public async Task EnsureBuiltAsync(IEnumerable<TaskDefinition> tasks, CancellationToken cancellation)
    {
        var needed = tasks
            .Where(task => task.Code?.Build is not null)
            .GroupBy(task => (string.Join('\0', task.Code!.Build!.Command), task.Code.BuildOutput!))
            .Select(group => new Build(group.ToList(), CodeHash(group)))
            .Where(build => !IsCurrent(build))
            .ToList();
        if (needed.Count == 0)
        {
            return;
        }

        var done = 0;
        progress.WriteLine($"building {needed.Count} local program(s) whose code changed or that are missing");
        await RunAsync(needed[0], cancellation);
        await Parallel.ForEachAsync(
            needed.Skip(1),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellation },
            async (build, token) => await RunAsync(build, token));

        async Task RunAsync(Build build, CancellationToken token)
        {
            var code = build.Tasks[0].Code!;
            var command = code.Build!.Command;
            progress.WriteLine($"building {Interlocked.Increment(ref done)}/{needed.Count}: {string.Join(", ", build.Tasks.Select(task => task.Id))} ({string.Join(' ', command.Select(ShellQuoting.Quote))})");
            var errors = new List<string>();
            int exitCode;
            try
            {
                exitCode = await ProcessRunner.RunAsync(
                    new ProcessStart(command[0], command.Skip(1).ToList(), code.BaseDirectory), (_, line) => KeepErrors(errors, line), token);
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new ExecutorUnavailableException($"cannot build {code.Build.Output} for task {build.Tasks[0].Id}: cannot start {command[0]}: {e.Message}");
            }

            var output = code.BuildOutput!;
            if (exitCode != 0 || !File.Exists(output))
            {
                var cause = errors.Count > 0 ? errors[0].Trim() : exitCode != 0 ? $"it exited with code {exitCode}" : $"it did not write {output}";
                throw new ExecutorUnavailableException(
                    $"cannot build {code.Build.Output} for task {build.Tasks[0].Id}: {cause}; run `{string.Join(' ', command.Select(ShellQuoting.Quote))}` in {code.BaseDirectory} to see why");
            }

            await File.WriteAllTextAsync(output + StampSuffix, build.CodeHash, CancellationToken.None);
        }
    }

    private bool IsCurrent(Build build)
    {
        var output = build.Tasks[0].Code!.BuildOutput!;
        var stamp = output + StampSuffix;
        return File.Exists(output) && File.Exists(stamp) && File.ReadAllText(stamp).Trim() == build.CodeHash;
    }

    private string CodeHash(IEnumerable<TaskDefinition> tasks) =>
        string.Join('+', tasks.Select(task => LocalCodeVersion.Of(task, hashes)?.Id ?? "no-code").Distinct().Order(StringComparer.Ordinal));

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

    private sealed record Build(IReadOnlyList<TaskDefinition> Tasks, string CodeHash);
}
