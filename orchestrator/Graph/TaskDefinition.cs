namespace WinePipeline.Orchestrator.Graph;

/// <summary>
/// One node of the task graph: what it needs, what it produces and how to run it.
/// </summary>
/// <param name="Id">Unique task id, e.g. "TrainModel".</param>
/// <param name="DependsOn">Ids of the tasks whose outputs this task reads.</param>
/// <param name="Outputs">What exists once the task is complete; all must be present.</param>
/// <param name="Parameters">Named values the task was configured with (shown in plans, not interpreted).</param>
/// <param name="Step">The step program that runs the task, e.g. "train_model".</param>
/// <param name="Image">The container image of the step, e.g. "wine/train-model:0.1".</param>
/// <param name="Arguments">The step's arguments; paths are container paths under /usr/share/data.</param>
/// <param name="NeedsNetwork">Whether the task reaches the network (only downloads do).</param>
public sealed record TaskDefinition(
    string Id,
    IReadOnlyList<string> DependsOn,
    IReadOnlyList<TaskOutput> Outputs,
    IReadOnlyDictionary<string, string> Parameters,
    string Step,
    string Image,
    IReadOnlyList<string> Arguments,
    bool NeedsNetwork = false)
{
    /// <summary>Data files the task reads, relative to data_root; their content is part of its fingerprint.</summary>
    public IReadOnlyList<string> Inputs { get; init; } = [];

    /// <summary>
    /// Data files a flagged task writes into its --out-dir (relative to data_root). They are hashed
    /// and promoted from staging, while the flag stays the completion marker.
    /// </summary>
    public IReadOnlyList<string> Produces { get; init; } = [];

    /// <summary>What each attempt may use (cpus, memory, gpus).</summary>
    public Execution.TaskResources Resources { get; init; } = new();

    /// <summary>Swarm placement constraints, e.g. "node.labels.gpu==true".</summary>
    public IReadOnlyList<string> Constraints { get; init; } = [];

    /// <summary>How long one attempt may take; null for the executor's default.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>What to retry after a failure, by its kind; null for the run's policy.</summary>
    public Execution.RetryPolicy? Retry { get; init; }

    /// <summary>Every data file the task writes: <see cref="Produces"/> and its file outputs.</summary>
    public IEnumerable<string> DataFiles =>
        Produces.Concat(Outputs.Where(output => output.Kind == TaskOutputKind.File).Select(output => output.Path)).Distinct(StringComparer.Ordinal);
}
