using Orchestrator.Execution;
using Orchestrator.Runs;

namespace Orchestrator.Cli;

/// <summary>Everything the CLI touches outside itself, so tests can run it in-process.</summary>
internal sealed record CliEnvironment(TextWriter Out, TextWriter Error, TimeProvider Time)
{
    /// <summary>Reads environment variables (parameters' fallbacks, HOST_DATA_ROOT, SCHEDULER_TOKEN, DOCKER_HOST).</summary>
    public Func<string, string?> GetVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>Relative paths on the command line are resolved against this.</summary>
    public string CurrentDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>The pipeline the tool was built with, used when no -f is given; null for a tool that only reads pipeline files.</summary>
    public Pipeline? Pipeline { get; init; }

    public ExecutorFactory CreateExecutor { get; init; } = ExecutorSelection.CreateAsync;

    public TimeSpan RetryBaseDelay { get; init; } = EngineOptions.DefaultRetryBaseDelay;

    /// <summary>The terminal a live view of running tasks is drawn on; null when output is not a terminal (CI, compose, a pipe), which gets plain lines.</summary>
    public Spectre.Console.IAnsiConsole? Terminal { get; init; }

    public static CliEnvironment FromConsole(Pipeline? pipeline) => new(Console.Out, Console.Error, TimeProvider.System)
    {
        Pipeline = pipeline,
        Terminal = Console.IsOutputRedirected ? null : Spectre.Console.AnsiConsole.Console,
    };

    internal RunContext RunContext => new(Out, Error, Time, GetVariable, CreateExecutor) { RetryBaseDelay = RetryBaseDelay };

    /// <summary>The pipeline a verb works on: its -f file, else the built-in one.</summary>
    internal Pipeline PipelineFor(DataRootOptions options) =>
        options.File is { } file ? PipelineFile.Load(Path.GetFullPath(file, CurrentDirectory))
        : Pipeline ?? throw UsageException.ParseError("no pipeline: give one with -f pipeline.yaml");

    internal PipelineRunner RunnerFor(DataRootOptions options) => new(PipelineFor(options), RunContext);

    internal string DataRootOf(DataRootOptions options)
    {
        var dataRoot = Path.GetFullPath(options.DataRoot, CurrentDirectory);
        return File.Exists(dataRoot) ? throw UsageException.ParseError($"--data-root {dataRoot} is a file; give a folder (it is created when missing)") : dataRoot;
    }
}
