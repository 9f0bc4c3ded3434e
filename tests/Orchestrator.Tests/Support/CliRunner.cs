using Orchestrator.Cli;
using Orchestrator.Execution;

namespace Orchestrator.Tests.Support;

internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r')).ToArray();

    public string LastLine => OutLines.LastOrDefault() ?? string.Empty;

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}--- stderr\n{Error}";
}

/// <summary>Runs the orchestrator's CLI in-process with captured output, no environment variables and no built-in pipeline.</summary>
internal static class CliRunner
{
    public static async Task<CliResult> RunAsync(string[] args, Func<CliEnvironment, CliEnvironment>? configure = null, TimeProvider? time = null, CancellationToken cancellation = default)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new CliEnvironment(output, error, time ?? TimeProvider.System) { GetVariable = _ => null };
        environment = configure?.Invoke(environment) ?? environment;
        var exitCode = await new CliApp(environment).RunAsync(args, cancellation);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Runs with the wine pipeline built in, as the orchestrator program does.</summary>
    public static Task<CliResult> RunWineAsync(string[] args, Func<CliEnvironment, CliEnvironment>? configure = null, CancellationToken cancellation = default) =>
        RunAsync(args, environment => (configure ?? (e => e))(environment with { Pipeline = WineDefinition.Pipeline }), cancellation: cancellation);

    /// <summary>Runs with a test graph and a stand-in executor instead of the wine pipeline and a real one.</summary>
    public static Task<CliResult> RunGraphAsync(string[] specs, ITaskExecutor executor, string[] args, TimeProvider? time = null, CancellationToken cancellation = default) =>
        RunPipelineAsync(TestGraph.Pipeline(specs), executor, args, time, cancellation);

    public static Task<CliResult> RunPipelineAsync(Pipeline pipeline, ITaskExecutor executor, string[] args, TimeProvider? time = null, CancellationToken cancellation = default) =>
        RunAsync(args, environment => environment.With(pipeline, executor), time, cancellation);

    /// <summary>The environment with <paramref name="pipeline"/> built in and every run using <paramref name="executor"/>.</summary>
    public static CliEnvironment With(this CliEnvironment environment, Pipeline pipeline, ITaskExecutor executor) =>
        environment with { Pipeline = pipeline, CreateExecutor = (_, _, _, _) => Task.FromResult(executor) };
}
