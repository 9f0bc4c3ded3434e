using WinePipeline.Orchestrator.Pipeline;

namespace WinePipeline.Orchestrator.Cli;

/// <summary>`run` options with every default filled in from the environment and every value checked.</summary>
internal sealed record RunSettings(RunOptions Options, string DataRoot, PipelineParameters Parameters, ExecutorRequest Executor)
{
    public static RunSettings Resolve(RunOptions options, CliEnvironment environment)
    {
        ExecutorSelection.Validate(options.Executor);
        RequireAtLeast("workers", options.Workers, 1);
        RequireAtLeast("retries", options.Retries, 0);

        var dataRoot = Path.GetFullPath(options.DataRoot, environment.CurrentDirectory);
        var parameters = new PipelineParameters(
            options.DatasetUrl,
            options.ImageVersion ?? NonEmpty(environment.GetVariable("PIPELINE_VERSION")) ?? PipelineParameters.DefaultImageVersion,
            options.ImagePrefix ?? NonEmpty(environment.GetVariable("IMAGE_PREFIX")) ?? PipelineParameters.DefaultImagePrefix);
        var hostDataRoot = options.HostDataRoot
            ?? NonEmpty(environment.GetVariable("HOST_DATA_ROOT"))
            ?? (NonEmpty(environment.GetVariable("PROJECT_ROOT")) is { } projectRoot ? Path.Combine(projectRoot, "data_root") : dataRoot);
        var stepsDirectory = options.StepsDirectory is null ? null : Path.GetFullPath(options.StepsDirectory, environment.CurrentDirectory);
        return new RunSettings(options, dataRoot, parameters,
            new ExecutorRequest(options.Executor, dataRoot, hostDataRoot, options.KeepContainers, stepsDirectory)
            {
                DockerHost = options.DockerHost,
                NodeDockerHost = options.NodeDockerHost,
            });
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
