using WinePipeline.Orchestrator.Execution;
using WinePipeline.Orchestrator.Graph;
using WinePipeline.Orchestrator.Pipeline;

namespace WinePipeline.Orchestrator.Cli;

/// <summary>Everything the CLI touches outside itself, so tests can run it in-process.</summary>
public sealed record CliEnvironment(TextWriter Out, TextWriter Error, TimeProvider Time)
{
    /// <summary>Reads environment variables (PIPELINE_VERSION, IMAGE_PREFIX, HOST_DATA_ROOT, PROJECT_ROOT).</summary>
    public Func<string, string?> GetVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>Relative --data-root values are resolved against this.</summary>
    public string CurrentDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>The tasks to run; the wine pipeline unless a test swaps in its own graph.</summary>
    public Func<PipelineParameters, IEnumerable<TaskDefinition>> Pipeline { get; init; } = Orchestrator.Pipeline.WinePipeline.Tasks;

    public ExecutorFactory CreateExecutor { get; init; } = ExecutorSelection.CreateAsync;

    public TimeSpan RetryBaseDelay { get; init; } = EngineOptions.DefaultRetryBaseDelay;

    public static CliEnvironment FromConsole() => new(Console.Out, Console.Error, TimeProvider.System);
}
