using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Orchestrator.Definition;

/// <summary>Walks a pipeline file's YAML into a <see cref="PipelineBuilder"/>, noting each problem with its line.</summary>
internal sealed class PipelineFileReader(string fileName, string directory)
{
    private static readonly string[] TopFields = ["name", "default-target", "base-directory", "parameters", "tasks", "report"];
    private static readonly string[] TaskFields =
        ["image", "command", "args", "env", "output-dir", "outputs", "complete-when", "network", "resources", "retry", "timeout", "constraints", "code", "build", "matrix", "join"];

    public List<string> Problems { get; } = [];

    public PipelineBuilder Read(YamlMappingNode root)
    {
        var fields = Fields(root, TopFields, "pipeline");
        var name = fields.TryGetValue("name", out var nameNode) ? Scalar(nameNode, "pipeline, name") : null;
        if (name is null)
        {
            Problems.Add($"{At(root)}: pipeline: 'name' is required");
        }

        var builder = new PipelineBuilder(name ?? "pipeline");
        var baseDirectory = fields.TryGetValue("base-directory", out var baseNode) ? Scalar(baseNode, "pipeline, base-directory") : null;
        builder.BaseDirectory(Path.GetFullPath(baseDirectory ?? ".", directory));
        if (fields.TryGetValue("parameters", out var parameters))
        {
            ReadParameters(builder, parameters);
        }

        if (fields.TryGetValue("tasks", out var tasks) && tasks is YamlMappingNode taskMap && taskMap.Children.Count > 0)
        {
            foreach (var (key, node) in taskMap.Children)
            {
                ReadTask(builder.AddTask(((YamlScalarNode)key).Value ?? string.Empty, At(key)), node);
            }
        }
        else
        {
            Problems.Add($"{At(tasks ?? root)}: pipeline, tasks: a mapping of task ids to tasks is required");
        }

        if (fields.TryGetValue("default-target", out var target) && Scalar(target, "pipeline, default-target") is { } targetId)
        {
            builder.DefaultTarget(targetId);
        }

        if (fields.TryGetValue("report", out var report))
        {
            ReadReport(builder, name ?? "pipeline", report);
        }

        return builder;
    }

    private void ReadParameters(PipelineBuilder builder, YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            Problems.Add($"{At(node)}: pipeline, parameters: a mapping of names to defaults is required");
            return;
        }

        foreach (var (key, value) in map.Children)
        {
            var name = ((YamlScalarNode)key).Value ?? string.Empty;
            var field = $"parameter {name}";
            if (value is YamlScalarNode scalar)
            {
                builder.AddParameter(name, scalar.Value ?? string.Empty, null, null, At(key));
                continue;
            }

            var fields = Fields(value, ["default", "env", "description"], field);
            var defaultValue = fields.TryGetValue("default", out var d) ? Scalar(d, $"{field}, default") : null;
            if (defaultValue is null)
            {
                Problems.Add($"{At(value)}: {field}: 'default' is required");
            }

            builder.AddParameter(
                name, defaultValue ?? string.Empty,
                fields.TryGetValue("env", out var env) ? Scalar(env, $"{field}, env") : null,
                fields.TryGetValue("description", out var description) ? Scalar(description, $"{field}, description") : null,
                At(key));
        }
    }

    private void ReadTask(TaskBuilder task, YamlNode node)
    {
        var at = $"task {task.Id}";
        var fields = Fields(node, TaskFields, at);
        foreach (var (name, value) in fields)
        {
            var field = $"{at}, {name}";
            switch (name)
            {
                case "image": task.Image(Scalar(value, field) ?? string.Empty); break;
                case "command": task.Command(Strings(value, field)); break;
                case "args": task.Args(Strings(value, field)); break;
                case "env":
                    foreach (var (key, text) in Map(value, field))
                    {
                        task.Env(key, text);
                    }

                    break;
                case "output-dir": task.OutputDirectory(Scalar(value, field) ?? string.Empty); break;
                case "outputs":
                    foreach (var (key, text) in Map(value, field))
                    {
                        task.Output(key, text);
                    }

                    break;
                case "complete-when": task.CompleteWhen(Choice(value, field, Completion.Files, ("files", Completion.Files), ("flag", Completion.Flag))); break;
                case "network": task.NeedsNetwork(Boolean(value, field)); break;
                case "resources": ReadResources(task, value, field); break;
                case "retry": ReadRetry(task, value, field); break;
                case "timeout" when Duration(value, field) is { } timeout: task.Timeout(timeout); break;
                case "constraints":
                    foreach (var constraint in Strings(value, field))
                    {
                        task.Constraint(constraint);
                    }

                    break;
                case "code": task.Code(Strings(value, field)); break;
                case "build": ReadBuild(task, value, field); break;
                case "matrix": ReadMatrix(task, value, field); break;
                case "join" when Boolean(value, field): task.Join(); break;
            }
        }
    }

    private void ReadResources(TaskBuilder task, YamlNode node, string field)
    {
        var fields = Fields(node, ["cpus", "memory", "gpus"], field);
        double? cpus = fields.TryGetValue("cpus", out var c) ? Number(c, $"{field}.cpus") : null;
        long? memory = null;
        if (fields.TryGetValue("memory", out var m) && Scalar(m, $"{field}.memory") is { } text)
        {
            memory = TaskResources.ParseMemory(text);
            if (memory is null)
            {
                Problems.Add($"{At(m)}: {field}.memory: '{text}' is not a size such as 512m or 2g");
            }
        }

        var gpus = fields.TryGetValue("gpus", out var g) ? (int)(Number(g, $"{field}.gpus") ?? 0) : 0;
        task.Spec.Resources = new TaskResources(cpus, memory, gpus);
    }

    private void ReadRetry(TaskBuilder task, YamlNode node, string field)
    {
        var fields = Fields(node, ["exit", "infrastructure", "memory-after-oom"], field);
        var policy = RetryPolicy.Default;
        if (fields.TryGetValue("exit", out var exit))
        {
            policy = policy with { ExitRetries = (int)(Number(exit, $"{field}.exit") ?? 0) };
        }

        if (fields.TryGetValue("infrastructure", out var infrastructure))
        {
            policy = policy with { InfrastructureRetries = (int)(Number(infrastructure, $"{field}.infrastructure") ?? 0) };
        }

        if (fields.TryGetValue("memory-after-oom", out var memory) && Scalar(memory, $"{field}.memory-after-oom") is { } text)
        {
            policy = policy with { MemoryAfterOutOfMemory = TaskResources.ParseMemory(text) };
        }

        task.Retry(policy);
    }

    private void ReadMatrix(TaskBuilder task, YamlNode node, string field)
    {
        if (node is not YamlMappingNode map)
        {
            Problems.Add($"{At(node)}: {field}: a mapping of names to lists of values is required, e.g. {{trees: [50, 100]}}");
            return;
        }

        foreach (var (key, values) in map.Children)
        {
            task.Matrix(((YamlScalarNode)key).Value ?? string.Empty, Strings(values, $"{field}.{key}"));
        }
    }

    private void ReadBuild(TaskBuilder task, YamlNode node, string field)
    {
        var fields = Fields(node, ["command", "output"], field);
        var command = fields.TryGetValue("command", out var c) ? Strings(c, $"{field}.command") : [];
        var output = fields.TryGetValue("output", out var o) ? Scalar(o, $"{field}.output") : null;
        if (command.Count == 0 || output is null)
        {
            Problems.Add($"{At(node)}: {field}: 'command' and 'output' are both required");
            return;
        }

        task.Build(output, command);
    }

    private void ReadReport(PipelineBuilder builder, string pipelineName, YamlNode node)
    {
        var fields = Fields(node, ["title", "metrics", "columns", "plots", "sweep-metrics", "rank-by", "sweep-plots"], "report");
        var title = fields.TryGetValue("title", out var t) ? Scalar(t, "report, title") : null;
        var metrics = fields.TryGetValue("metrics", out var m) ? Reference(m, "report, metrics") : null;
        var columns = fields.TryGetValue("columns", out var c) ? Strings(c, "report, columns") : [];
        builder.Report(title ?? pipelineName, metrics, columns, References(fields, "plots"));
        if (fields.TryGetValue("sweep-metrics", out var sweep) && Reference(sweep, "report, sweep-metrics") is { } sweepMetrics)
        {
            builder.SweepReport(sweepMetrics, fields.TryGetValue("rank-by", out var rank) ? Scalar(rank, "report, rank-by") ?? string.Empty : string.Empty, References(fields, "sweep-plots"));
        }
    }

    private List<OutputRef> References(IReadOnlyDictionary<string, YamlNode> fields, string name) =>
        fields.TryGetValue(name, out var node) ? Strings(node, $"report, {name}").Select(text => Reference(node, $"report, {name}", text)).OfType<OutputRef>().ToList() : [];

    private OutputRef? Reference(YamlNode node, string field, string? text = null)
    {
        text ??= Scalar(node, field);
        var dot = text?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (text is null || dot <= 0)
        {
            Problems.Add($"{At(node)}: {field}: '{text}' must name a task's output as Task.output");
            return null;
        }

        return new OutputRef(text[..dot], text[(dot + 1)..]);
    }

    private Dictionary<string, YamlNode> Fields(YamlNode node, string[] known, string owner)
    {
        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        if (node is not YamlMappingNode map)
        {
            Problems.Add($"{At(node)}: {owner}: a mapping is required here");
            return fields;
        }

        foreach (var (key, value) in map.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (!known.Contains(name))
            {
                Problems.Add($"{At(key)}: {owner}: unknown field '{name}'; known fields: {string.Join(", ", known)}");
                continue;
            }

            fields[name] = value;
        }

        return fields;
    }

    private List<KeyValuePair<string, string>> Map(YamlNode node, string field)
    {
        if (node is not YamlMappingNode map)
        {
            Problems.Add($"{At(node)}: {field}: a mapping is required here");
            return [];
        }

        return map.Children.Select(pair => new KeyValuePair<string, string>(((YamlScalarNode)pair.Key).Value ?? string.Empty, Scalar(pair.Value, $"{field}.{pair.Key}") ?? string.Empty)).ToList();
    }

    private List<string> Strings(YamlNode node, string field)
    {
        if (node is not YamlSequenceNode sequence)
        {
            Problems.Add($"{At(node)}: {field}: a list is required here");
            return [];
        }

        return sequence.Children.Select((item, i) => Scalar(item, $"{field}[{i}]") ?? string.Empty).ToList();
    }

    private string? Scalar(YamlNode node, string field)
    {
        if (node is YamlScalarNode scalar)
        {
            return scalar.Value ?? string.Empty;
        }

        Problems.Add($"{At(node)}: {field}: a single value is required here");
        return null;
    }

    private double? Number(YamlNode node, string field)
    {
        var text = Scalar(node, field);
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 && double.IsFinite(value))
        {
            return value;
        }

        Problems.Add($"{At(node)}: {field}: '{text}' is not a number of 0 or more");
        return null;
    }

    private bool Boolean(YamlNode node, string field) =>
        Choice(node, field, false, ("true", true), ("false", false), ("yes", true), ("no", false));

    private T Choice<T>(YamlNode node, string field, T fallback, params (string Text, T Value)[] choices)
    {
        var text = Scalar(node, field);
        foreach (var (choice, value) in choices)
        {
            if (string.Equals(text, choice, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        if (text is not null)
        {
            Problems.Add($"{At(node)}: {field}: '{text}' is not one of {string.Join(", ", choices.Select(choice => choice.Text))}");
        }

        return fallback;
    }

    private TimeSpan? Duration(YamlNode node, string field)
    {
        var text = Scalar(node, field);
        if (text is null)
        {
            return null;
        }

        if (Durations.TryParse(text, out var duration))
        {
            return duration;
        }

        Problems.Add($"{At(node)}: {field}: '{text}' is not a duration such as 90s, 10m or 2h");
        return null;
    }

    private string At(YamlNode node) => $"{fileName}:{node.Start.Line}";
}
