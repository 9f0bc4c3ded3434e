using CommandLine;
using WinePipeline.Orchestrator.Pipeline;

namespace WinePipeline.Orchestrator.Cli;

[Verb("run", HelpText = "Run a task and everything it needs that is not complete yet.")]
public class RunOptions : DataRootOptions
{
    [Value(0, MetaName = "TASK", Default = Pipeline.WinePipeline.DefaultTarget, HelpText = "The task to bring up to date.")]
    public string Target { get; set; } = Pipeline.WinePipeline.DefaultTarget;

    [Option("executor", MetaValue = "docker|swarm|process", HelpText = "docker, swarm or process (default: docker when a Docker engine answers, else process).")]
    public string? Executor { get; set; }

    [Option("docker-host", MetaValue = "URI", HelpText = "The Docker engine, a swarm manager for --executor swarm: unix:// or tcp:// (default: $DOCKER_HOST, else the local socket).")]
    public string? DockerHost { get; set; }

    [Option("node-docker-host", MetaValue = "URI", HelpText = "How to reach a swarm node's own engine, {node} for its hostname, e.g. tcp://{node}:2375; it tells an out-of-memory kill from another.")]
    public string? NodeDockerHost { get; set; }

    [Option("dataset-url", MetaValue = "URL", Default = PipelineParameters.DefaultDatasetUrl, HelpText = "Where DownloadData fetches the raw CSV.")]
    public string DatasetUrl { get; set; } = PipelineParameters.DefaultDatasetUrl;

    [Option("image-version", MetaValue = "V", HelpText = "Step image tag (default: $PIPELINE_VERSION, else 0.1).")]
    public string? ImageVersion { get; set; }

    [Option("image-prefix", MetaValue = "PREFIX", HelpText = "Step image prefix (default: $IMAGE_PREFIX, else wine).")]
    public string? ImagePrefix { get; set; }

    [Option("host-data-root", MetaValue = "DIR", HelpText = "data_root as the Docker engine's host sees it (default: $HOST_DATA_ROOT, else $PROJECT_ROOT/data_root, else the absolute --data-root).")]
    public string? HostDataRoot { get; set; }

    [Option("steps-dir", MetaValue = "DIR", HelpText = "Published step programs for the process executor, <DIR>/<step>/<step>.dll (default: <repo>/artifacts/publish).")]
    public string? StepsDirectory { get; set; }

    [Option("workers", MetaValue = "N", Default = 1, HelpText = "How many independent tasks may run at the same time.")]
    public int Workers { get; set; } = 1;

    [Option("force", MetaValue = "TASK", HelpText = "Rerun this task and everything downstream of it, even if complete.")]
    public string? Force { get; set; }

    [Option("retries", MetaValue = "N", Default = 0, HelpText = "Retry a failed task this many times, with exponential backoff.")]
    public int Retries { get; set; }

    [Option("keep-containers", HelpText = "Keep successful containers too, for inspection.")]
    public bool KeepContainers { get; set; }

    [Option("dry-run", HelpText = "Print the plan with reasons and run nothing.")]
    public bool DryRun { get; set; }

    [Option("existence-only", HelpText = "A task is complete when its outputs exist, as in Luigi; fingerprints are not checked.")]
    public bool ExistenceOnly { get; set; }

    /// <summary>A copy for one run with another target and dataset URL (a schedule's own), keeping every other option.</summary>
    public RunOptions ForRun(string? target, string? datasetUrl)
    {
        var copy = (RunOptions)MemberwiseClone();
        copy.Target = target ?? Target;
        copy.DatasetUrl = datasetUrl ?? DatasetUrl;
        return copy;
    }
}
