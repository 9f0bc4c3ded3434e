using Orchestrator.Definition;

namespace Orchestrator;

/// <summary>One task of a <see cref="PipelineBuilder"/>. Every string may hold references (see <see cref="Out"/>, <see cref="ParameterRef"/>, <see cref="OutputRef"/>).</summary>
public sealed class TaskBuilder
{
    internal TaskBuilder(TaskSpec spec) => Spec = spec;

    public string Id => Spec.Id;

    internal TaskSpec Spec { get; }

    /// <summary>The container image that runs the task (docker and swarm executors); its arguments are <see cref="Args"/>.</summary>
    public TaskBuilder Image(string image)
    {
        Spec.Image = image;
        return this;
    }

    /// <summary>What runs the task as a local process (process executor), before <see cref="Args"/>. Without it, the first argument is the program.</summary>
    public TaskBuilder Command(params IEnumerable<object> command)
    {
        Spec.Command.AddRange(command.Select(Text));
        return this;
    }

    public TaskBuilder Args(params IEnumerable<object> arguments)
    {
        Spec.Arguments.AddRange(arguments.Select(Text));
        return this;
    }

    public TaskBuilder Env(string name, object value)
    {
        Spec.Environment[name] = Text(value);
        return this;
    }

    /// <summary>The folder, relative to the data root, its outputs are moved into once it succeeds.</summary>
    public TaskBuilder OutputDirectory(string relativeDirectory)
    {
        Spec.OutputDirectory = relativeDirectory;
        return this;
    }

    /// <summary>Declares an output file the task writes into <see cref="Out.Directory"/>.</summary>
    public TaskBuilder Output(string name, string fileName)
    {
        Spec.Outputs.Add(new(name, fileName));
        return this;
    }

    /// <summary>A reference to a declared output, to use in other tasks' arguments.</summary>
    public OutputRef Ref(string outputName) => new(Spec.Id, outputName);

    public TaskBuilder CompleteWhen(Completion completion)
    {
        Spec.Completion = completion;
        return this;
    }

    /// <summary>The task reaches the network; without this its container gets none.</summary>
    public TaskBuilder NeedsNetwork(bool needsNetwork = true)
    {
        Spec.NeedsNetwork = needsNetwork;
        return this;
    }

    /// <param name="memory">"512m", "2g", or bytes.</param>
    public TaskBuilder Resources(double? cpus = null, string? memory = null, int gpus = 0)
    {
        Spec.Resources = new TaskResources(cpus, memory is null ? null : TaskResources.ParseMemory(memory) ?? throw new ArgumentException($"task {Id}: memory '{memory}' is not a size such as 512m or 2g", nameof(memory)), gpus);
        return this;
    }

    public TaskBuilder Retry(RetryPolicy policy)
    {
        Spec.Retry = policy;
        return this;
    }

    public TaskBuilder Timeout(TimeSpan timeout)
    {
        Spec.Timeout = timeout;
        return this;
    }

    /// <summary>A placement constraint for cluster executors, e.g. "node.labels.gpu==true".</summary>
    public TaskBuilder Constraint(string constraint)
    {
        Spec.Constraints.Add(constraint);
        return this;
    }

    /// <summary>The files that are the task's code when it runs as a local process: editing one makes it stale.</summary>
    public TaskBuilder Code(params IEnumerable<string> globs)
    {
        Spec.Code.AddRange(globs);
        return this;
    }

    /// <summary>How its local program is made (see <see cref="LocalBuild"/>).</summary>
    public TaskBuilder Build(string output, params IEnumerable<string> command)
    {
        Spec.Build = new LocalBuild(command.ToList(), output);
        return this;
    }

    /// <summary>
    /// Sweeps the task over these values of <paramref name="name"/> (call again for a grid). Each
    /// combination is a variant, "Train[leaves=500,trees=100]", with its own output folder, fingerprint
    /// and logs; <c>${name}</c> holds its value. Tasks reading a variant's outputs are swept with it, up to a join.
    /// </summary>
    public TaskBuilder Matrix(string name, params IEnumerable<object> values)
    {
        Spec.Matrix.Add(new(name, values.Select(Text).ToList()));
        return this;
    }

    /// <summary>The task takes the outputs of every variant of a sweep, through <see cref="OutputRef.All"/>, and runs when at least one succeeded.</summary>
    public TaskBuilder Join()
    {
        Spec.IsJoin = true;
        return this;
    }

    private static string Text(object value) => value switch
    {
        string text => text,
        ParameterRef or OutputRef => value.ToString()!,
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
