using Orchestrator.Definition;

namespace Orchestrator;

/// <summary>
/// Declares a pipeline: parameters, tasks and what its report shows. An edge comes from a data
/// reference: using an <see cref="OutputRef"/> in a task's arguments makes it depend on that output's task.
/// <code>
/// var pipeline = new PipelineBuilder("example");
/// var size = pipeline.Parameter("size", "10");
/// var numbers = pipeline.Task("Numbers").Image("busybox").Args("sh", "-c", $"seq {size} > {Out.Directory}/n.txt").Output("numbers", "n.txt");
/// pipeline.Task("Sum").Image("busybox").Args("sh", "-c", $"awk '{{s+=$$1}} END {{print s}}' {numbers.Ref("numbers")} > {Out.Directory}/sum.txt").Output("sum", "sum.txt");
/// </code>
/// </summary>
public sealed class PipelineBuilder(string name)
{
    private readonly List<ParameterSpec> parameters = [];
    private readonly List<TaskBuilder> tasks = [];
    private ReportSpec? report;
    private string? defaultTarget;
    private string baseDirectory = System.IO.Directory.GetCurrentDirectory();

    public string Name { get; } = name;

    /// <summary>A parameter: its value comes from <c>-p name=value</c>, else the environment variable, else the value last given for the data root, else the default.</summary>
    public ParameterRef Parameter(string name, string defaultValue, string? environmentVariable = null, string? description = null) =>
        AddParameter(name, defaultValue, environmentVariable, description, source: null);

    public TaskBuilder Task(string id) => AddTask(id, source: null);

    /// <summary>The task `run` brings up to date when none is named (default: the last task declared).</summary>
    public PipelineBuilder DefaultTarget(string taskId)
    {
        defaultTarget = taskId;
        return this;
    }

    /// <summary>Relative paths in commands, builds and code globs are resolved against this folder (default: the current one).</summary>
    public PipelineBuilder BaseDirectory(string directory)
    {
        baseDirectory = Path.GetFullPath(directory);
        return this;
    }

    /// <param name="metrics">An output holding a JSON object of numbers, recorded with each run that wrote it.</param>
    /// <param name="columns">The numbers of <paramref name="metrics"/> shown as columns (history, UI, notifications).</param>
    /// <param name="plots">Output files (PNG) archived with each run and shown in its details.</param>
    public PipelineBuilder Report(string title, OutputRef? metrics = null, IEnumerable<string>? columns = null, IEnumerable<OutputRef>? plots = null)
    {
        report = new ReportSpec(title, metrics, columns?.ToList() ?? [], plots?.ToList() ?? []) { SweepMetrics = report?.SweepMetrics, SweepMetric = report?.SweepMetric, SweepPlots = report?.SweepPlots ?? [] };
        return this;
    }

    /// <summary>Records each variant of a sweep with the numbers of its <paramref name="metrics"/> output, ranked by <paramref name="rankBy"/>, lowest first.</summary>
    /// <param name="plots">Output files (PNG) comparing the variants, archived with each run and shown in its experiment view.</param>
    public PipelineBuilder SweepReport(OutputRef metrics, string rankBy, IEnumerable<OutputRef>? plots = null)
    {
        report = (report ?? ReportSpec.Empty(Name)) with { SweepMetrics = metrics, SweepMetric = rankBy, SweepPlots = plots?.ToList() ?? [] };
        return this;
    }

    /// <summary>Checks the whole definition and returns it; every problem is one line of the <see cref="InvalidPipelineException"/>.</summary>
    public Pipeline Build()
    {
        var definition = new Pipeline(Name, parameters.ToList(), tasks.Select(task => task.Spec).ToList(), report ?? ReportSpec.Empty(Name), defaultTarget, baseDirectory);
        PipelineCompiler.Compile(definition, definition.Defaults());
        return definition;
    }

    internal ParameterRef AddParameter(string parameterName, string defaultValue, string? environmentVariable, string? description, string? source)
    {
        parameters.Add(new ParameterSpec(parameterName, defaultValue, environmentVariable, description, source));
        return new ParameterRef(parameterName);
    }

    internal TaskBuilder AddTask(string id, string? source)
    {
        var task = new TaskBuilder(new TaskSpec(id, source));
        tasks.Add(task);
        return task;
    }
}
