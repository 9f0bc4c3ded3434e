using Orchestrator.Execution;
using Orchestrator.Runs;

namespace Orchestrator.Cli;

/// <summary>Turns `run` options into a checked <see cref="RunRequest"/>, every default filled in from the environment.</summary>
internal static class RunSettings
{
    public static RunRequest Resolve(RunOptions options, CliEnvironment environment)
    {
        ExecutorSelection.Validate(options.Executor);
        RequireAtLeast("workers", options.Workers ?? 1, 1);
        if (options.Cpus is <= 0 or double.NaN or double.PositiveInfinity)
        {
            throw UsageException.ParseError($"--cpus {options.Cpus} must be a number above 0");
        }

        long? memory = options.Memory is null ? null : TaskResources.ParseMemory(options.Memory) ?? throw UsageException.ParseError($"--memory '{options.Memory}' is not a size such as 512m or 8g");
        RequireAtLeast("retries", options.Retries, 0);

        var dataRoot = environment.DataRootOf(options);
        var hostDataRoot = options.HostDataRoot
            ?? NonEmpty(environment.GetVariable("HOST_DATA_ROOT"))
            ?? (NonEmpty(environment.GetVariable("PROJECT_ROOT")) is { } projectRoot ? Path.Combine(projectRoot, "data_root") : dataRoot);
        return new RunRequest(
            dataRoot,
            options.Target,
            options.Force,
            ParameterArguments.Parse(options.Parameters),
            new ExecutorRequest(options.Executor, dataRoot, hostDataRoot, options.KeepContainers) { DockerHost = options.DockerHost, NodeDockerHost = options.NodeDockerHost },
            options.Workers ?? int.MaxValue,
            options.Retries,
            options.ExistenceOnly,
            options.Verify)
        {
            Cpus = options.Cpus,
            MemoryBytes = memory,
        };
    }

    private static void RequireAtLeast(string option, int value, int minimum)
    {
        if (value < minimum)
        {
            throw UsageException.OutOfRange(option, value, minimum);
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
