using Orchestrator.Graph;

namespace Orchestrator.Definition;

/// <summary>Compiles one task: resolves the references in its strings into values, data paths and edges, noting each problem.</summary>
internal sealed class TaskCompilation(
    TaskSpec task,
    IReadOnlyList<TaskSpec> tasks,
    Pipeline pipeline,
    IReadOnlyDictionary<string, string> values,
    IReadOnlyDictionary<string, (TaskSpec Task, string Output)> producers,
    List<string> problems)
{
    private readonly SortedDictionary<string, string> usedParameters = new(StringComparer.Ordinal);
    private readonly List<string> dependsOn = [];
    private readonly List<string> inputs = [];
    private string? joined;

    public TaskDefinition Compile()
    {
        var image = task.Image is null ? null : Literal(task.Image, "image");
        var command = task.Command.Select((text, i) => Argument(text, $"command[{i}]")).ToList();
        var arguments = task.Arguments.Select((text, i) => Argument(text, $"args[{i}]")).ToList();
        var environment = task.Environment.ToDictionary(pair => pair.Key, pair => Argument(pair.Value, $"env.{pair.Key}"), StringComparer.Ordinal);
        if (image is null && command.Count == 0 && arguments.Count == 0)
        {
            problems.Add($"{Problems.At(task)}: has neither an image nor a command to run");
        }

        var files = task.Outputs.Select(output => DataPaths.Combine(task.OutputDirectory, output.Value)).ToList();
        IReadOnlyList<TaskOutput> completion = task.Completion == Completion.Flag
            ? [TaskOutput.Flag(DataPaths.Combine(task.OutputDirectory, $".SUCCESS_{task.Id}"))]
            : files.Select(TaskOutput.File).ToList();
        return new TaskDefinition(task.Id, dependsOn.Distinct(StringComparer.Ordinal).ToList(), completion, usedParameters)
        {
            Image = image,
            Command = command,
            Arguments = arguments,
            Environment = environment,
            OutputDirectory = task.OutputDirectory,
            Inputs = inputs.Distinct(StringComparer.Ordinal).ToList(),
            Produces = files,
            NamedOutputs = task.Outputs.ToDictionary(output => output.Key, output => DataPaths.Combine(task.OutputDirectory, output.Value), StringComparer.Ordinal),
            NeedsNetwork = task.NeedsNetwork,
            Resources = task.Resources,
            Retry = task.Retry,
            Timeout = task.Timeout,
            Constraints = task.Constraints.ToList(),
            BaseDirectory = pipeline.BaseDirectory,
            Group = task.Group,
            VariantValues = new SortedDictionary<string, string>(task.Variant, StringComparer.Ordinal),
            IsJoin = task.IsJoin,
            Code = task.Code.Count == 0 && task.Build is null ? null : new LocalCode(pipeline.BaseDirectory, task.Code.ToList(), task.Build),
        };
    }

    /// <summary>An image name: parameters only, no data paths.</summary>
    private string? Literal(string text, string field)
    {
        var argument = Argument(text, field);
        if (argument.Parts.Any(part => part.Kind != ArgumentPartKind.Literal))
        {
            problems.Add($"{Problems.At(task)}, {field}: '{text}' may refer to parameters only");
            return null;
        }

        return string.Concat(argument.Parts.Select(part => part.Value));
    }

    private TaskArgument Argument(string text, string field)
    {
        IReadOnlyList<TemplatePart> parts;
        try
        {
            parts = Template.Parse(text);
        }
        catch (FormatException e)
        {
            problems.Add($"{Problems.At(task)}, {field}: {e.Message}");
            return new TaskArgument([]);
        }

        joined = null;
        var resolved = parts.Select(part => Resolve(part, field)).OfType<ArgumentPart>().ToList();
        return new TaskArgument(resolved) { Variant = joined };
    }

    private ArgumentPart? Resolve(TemplatePart part, string field)
    {
        switch (part.Kind)
        {
            case TemplatePartKind.Literal:
                return new ArgumentPart(ArgumentPartKind.Literal, part.Value);
            case TemplatePartKind.OutDirectory:
                return new ArgumentPart(ArgumentPartKind.OutDirectory, string.Empty);
            case TemplatePartKind.Parameter when task.Variant.TryGetValue(part.Value, out var swept):
                usedParameters[part.Value] = swept;
                return new ArgumentPart(ArgumentPartKind.Literal, swept);
            case TemplatePartKind.Parameter when values.TryGetValue(part.Value, out var value):
                usedParameters[part.Value] = value;
                return new ArgumentPart(ArgumentPartKind.Literal, value);
            case TemplatePartKind.Parameter:
                problems.Add($"{Problems.At(task)}, {field}: unknown reference ${{{part.Value}}}; parameters: {List(pipeline.Parameters.Select(parameter => parameter.Name))}");
                return null;
            case TemplatePartKind.Output:
                return OutputPath(part.Value, field);
            default:
                return DataPath(part.Value, field);
        }
    }

    private ArgumentPart? OutputPath(string reference, string field)
    {
        var (taskId, output) = VariantIds.SplitReference(reference)!.Value;
        var upstream = tasks.FirstOrDefault(candidate => candidate.Id == taskId);
        if (upstream is null && tasks.Any(candidate => candidate.Group == taskId))
        {
            // A join reading one variant of a sweep; the sweep expansion has said so.
            return null;
        }

        if (upstream is null)
        {
            problems.Add($"{Problems.At(task)}, {field}: unknown reference ${{{reference}}}: there is no task {taskId}; tasks: {List(pipeline.Tasks.Select(candidate => candidate.Id))}");
            return null;
        }

        if (task.IsJoin && upstream.Group is not null)
        {
            joined = upstream.Id;
        }

        var file = upstream.Outputs.FirstOrDefault(candidate => candidate.Key == output).Value;
        if (file is null)
        {
            problems.Add($"{Problems.At(task)}, {field}: unknown reference ${{{reference}}}: task {taskId} has no output '{output}'; its outputs: {List(upstream.Outputs.Select(candidate => candidate.Key))}");
            return null;
        }

        return DataPath(DataPaths.Combine(upstream.OutputDirectory, file), field);
    }

    private ArgumentPart? DataPath(string path, string field)
    {
        if (!producers.TryGetValue(path, out var producer))
        {
            problems.Add($"{Problems.At(task)}, {field}: reads {path}, which no task writes; written paths: {List(producers.Keys.Order(StringComparer.Ordinal))}");
            return null;
        }

        if (producer.Task == task)
        {
            problems.Add($"{Problems.At(task)}, {field}: refers to its own output {path}; write it into ${{{Template.OutDirectory}}}");
            return null;
        }

        dependsOn.Add(producer.Task.Id);
        inputs.Add(path);
        return new ArgumentPart(ArgumentPartKind.DataPath, path);
    }

    private static string List(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count == 0 ? "(none)" : string.Join(", ", list);
    }
}
