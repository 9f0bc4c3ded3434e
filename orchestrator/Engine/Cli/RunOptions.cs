using CommandLine;

namespace Orchestrator.Cli;

[Verb("run", HelpText = "Run a task and everything it needs that is not complete yet.")]
internal class RunOptions : DataRootOptions
{
    [Value(0, MetaName = "TASK", HelpText = "The task to bring up to date (default: the pipeline's default target).")]
    public string? Target { get; set; }

    [Option('p', "param", MetaValue = "NAME=VALUE", HelpText = "A parameter value; remembered for the data root until changed. Repeat for several.")]
    public IEnumerable<string> Parameters { get; set; } = [];

    [Option("executor", MetaValue = "docker|swarm|process", HelpText = "Where tasks run (default: docker when a Docker engine answers, else process).")]
    public string? Executor { get; set; }

    [Option("docker-host", MetaValue = "URI", HelpText = "The Docker engine, a swarm manager for --executor swarm: unix:// or tcp:// (default: $DOCKER_HOST, else the local socket).")]
    public string? DockerHost { get; set; }

    [Option("node-docker-host", MetaValue = "URI", HelpText = "How to reach a swarm node's own engine, {node} standing for its hostname, e.g. tcp://{node}:2375; it tells an out-of-memory kill from another (default: none).")]
    public string? NodeDockerHost { get; set; }

    [Option("host-data-root", MetaValue = "DIR", HelpText = "The data root as the Docker engine's host sees it (default: $HOST_DATA_ROOT, else $PROJECT_ROOT/data_root, else --data-root).")]
    public string? HostDataRoot { get; set; }

    [Option("workers", MetaValue = "N", HelpText = "At most this many tasks at the same time (default: as many as --cpus and --memory allow).")]
    public int? Workers { get; set; }

    [Option("cpus", MetaValue = "N", HelpText = "The CPUs tasks may use at once, by what they declare (a task declaring none counts as 1; default: this machine's, or with --executor swarm what the swarm's active nodes have free).")]
    public double? Cpus { get; set; }

    [Option("memory", MetaValue = "SIZE", HelpText = "The memory tasks may use at once, by what they declare, e.g. 8g (default: this machine's, or with --executor swarm what the swarm's active nodes have free).")]
    public string? Memory { get; set; }

    [Option("force", MetaValue = "TASK", HelpText = "Rerun this task and everything downstream of it, even if complete.")]
    public string? Force { get; set; }

    [Option("retries", MetaValue = "N", Default = 0, HelpText = "Retry a task that exits non-zero this many times, with backoff.")]
    public int Retries { get; set; }

    [Option("keep-containers", HelpText = "Keep successful containers too, for inspection.")]
    public bool KeepContainers { get; set; }

    [Option("dry-run", HelpText = "Print the plan with reasons and run nothing.")]
    public bool DryRun { get; set; }

    [Option("existence-only", HelpText = "A task is complete when its outputs exist, as in Luigi; fingerprints are not checked.")]
    public bool ExistenceOnly { get; set; }

    [Option("verify", HelpText = "Re-hash every output against its fingerprint, even when its size and time are unchanged.")]
    public bool Verify { get; set; }
}
