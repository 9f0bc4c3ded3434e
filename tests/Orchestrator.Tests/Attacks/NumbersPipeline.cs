using Orchestrator.Tests.Examples;
using Orchestrator.Tests.Support;

namespace Orchestrator.Tests.Attacks;

/// <summary>The "numbers" example run with the process executor: a small real pipeline for the attack tests.</summary>
internal static class NumbersPipeline
{
    public static readonly string File = Path.Combine(ProgramRun.RepositoryRoot, "examples", "numbers", "pipeline.yaml");

    public static readonly string[] Tasks = ["Generate", "Evens", "Odds", "Report"];

    /// <summary>Each task's files: its outputs and the file holding its fingerprint, relative to the data root.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> FilesOf = new Dictionary<string, string[]>
    {
        ["Generate"] = ["numbers/all.txt", ".orchestrator/fingerprints/Generate.json"],
        ["Evens"] = ["numbers/evens.txt", ".orchestrator/fingerprints/Evens.json"],
        ["Odds"] = ["numbers/odds.txt", ".orchestrator/fingerprints/Odds.json"],
        ["Report"] = ["report/counts.json", "report/.SUCCESS_Report"],
    };

    public static string[] RunArguments(string dataRoot, string count) =>
        ["run", "-f", File, "--executor", "process", "--data-root", dataRoot, "-p", $"count={count}"];

    public static string[] StatusArguments(string dataRoot, string count) => ["status", "-f", File, "--data-root", dataRoot, "-p", $"count={count}"];

    /// <summary>Runs the orchestrator in this process.</summary>
    public static Task<CliResult> InProcessAsync(string[] arguments) => CliRunner.RunAsync(arguments);

    /// <summary>Runs the built orchestrator program as its own process, as a user would.</summary>
    public static Task<ProgramResult> ProgramAsync(string[] arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        ProgramRun.DotnetAsync("orchestrator.dll", arguments, ProgramRun.RepositoryRoot, environment);

    /// <summary>The tasks `status` calls complete.</summary>
    public static IEnumerable<string> Complete(CliResult status) =>
        status.OutLines.Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(fields => fields.Length > 1 && fields[1] == "Complete").Select(fields => fields[0]);

    /// <summary>Every file of the data root outside the orchestrator's bookkeeping, plus the fingerprints, with their bytes.</summary>
    public static SortedDictionary<string, byte[]> Results(string dataRoot) =>
        new(Directory.EnumerateFiles(dataRoot, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(dataRoot, path))
            .Where(path => !path.StartsWith(".orchestrator/", StringComparison.Ordinal) || path.StartsWith(".orchestrator/fingerprints/", StringComparison.Ordinal))
            .ToDictionary(path => path, path => System.IO.File.ReadAllBytes(Path.Combine(dataRoot, path))), StringComparer.Ordinal);

    public static void Copy(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories).Prepend(from))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            System.IO.File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}
