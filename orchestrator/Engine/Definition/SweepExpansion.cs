namespace Orchestrator.Definition;

/// <summary>
/// Expands sweeps: a task with a matrix becomes one variant per combination of values, and so does
/// every task that reads a variant's outputs, up to a join. A variant writes into its own folder
/// (&lt;output-dir&gt;/leaves=500,trees=100) and gets the values as parameters. In a join, an argument
/// holding <c>${Task[*].output}</c> becomes one argument per variant.
/// </summary>
internal static class SweepExpansion
{
    public static List<TaskSpec> Expand(IReadOnlyList<TaskSpec> tasks, IReadOnlyDictionary<string, string> parameters, List<string> problems)
    {
        if (tasks.All(task => task.Matrix.Count == 0))
        {
            return tasks.ToList();
        }

        var byId = tasks.GroupBy(task => task.Id).ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
        var origins = Origins(tasks, byId, problems);
        var grids = tasks.Where(task => task.Matrix.Count > 0).ToDictionary(task => task.Id, task => Grid(task, parameters, problems), StringComparer.Ordinal);
        var expanded = new List<TaskSpec>();
        foreach (var task in tasks)
        {
            if (origins.GetValueOrDefault(task.Id) is { } origin && grids.TryGetValue(origin, out var grid))
            {
                expanded.AddRange(grid.Select(values => Variant(task, values, origins)));
            }
            else
            {
                expanded.Add(task);
            }
        }

        return expanded.Select(task => WithJoinedArguments(task, origins, grids)).ToList();
    }

    /// <summary>The swept task each task is expanded over, if any: its own matrix, or the one its plain references lead to.</summary>
    private static Dictionary<string, string?> Origins(IReadOnlyList<TaskSpec> tasks, Dictionary<string, TaskSpec> byId, List<string> problems)
    {
        var origins = new Dictionary<string, string?>(StringComparer.Ordinal);
        string? OriginOf(TaskSpec task, HashSet<string> visiting)
        {
            if (origins.TryGetValue(task.Id, out var known))
            {
                return known;
            }

            if (!visiting.Add(task.Id))
            {
                return null;
            }

            var inherited = References(task).Where(reference => !reference.Every && byId.ContainsKey(reference.Task))
                .Select(reference => OriginOf(byId[reference.Task], visiting)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            string? origin = null;
            if (task.Matrix.Count > 0)
            {
                origin = task.Id;
                if (inherited.Count > 0)
                {
                    problems.Add($"{Problems.At(task)}: has a matrix but also reads variants of {inherited[0]}; a sweep inside a sweep is not supported, join {inherited[0]} first");
                }
            }
            else if (inherited.Count > 1)
            {
                problems.Add($"{Problems.At(task)}: reads variants of two sweeps ({string.Join(", ", inherited)}); join them first");
            }
            else if (inherited.Count == 1 && task.IsJoin)
            {
                problems.Add($"{Problems.At(task)}: is a join but reads one variant of {inherited[0]}; use ${{{inherited[0]}[*].output}}");
            }
            else if (inherited.Count == 1)
            {
                origin = inherited[0];
            }

            origins[task.Id] = origin;
            return origin;
        }

        foreach (var task in tasks)
        {
            OriginOf(task, new HashSet<string>(StringComparer.Ordinal));
        }

        return origins;
    }

    /// <summary>Every combination of the matrix's values; a value may be a parameter holding a comma-separated list ("${trees}" with trees=50,100).</summary>
    private static List<SortedDictionary<string, string>> Grid(TaskSpec task, IReadOnlyDictionary<string, string> parameters, List<string> problems)
    {
        List<SortedDictionary<string, string>> grid = [new(StringComparer.Ordinal)];
        foreach (var (name, declared) in task.Matrix)
        {
            var values = declared.SelectMany(value => Substitute(value, parameters).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
            if (values.Count == 0 || values.Distinct().Count() != values.Count)
            {
                problems.Add($"{Problems.At(task)}, matrix.{name}: needs one or more distinct values");
                continue;
            }

            grid = [.. grid.SelectMany(combination => values.Select(value => new SortedDictionary<string, string>(combination, StringComparer.Ordinal) { [name] = value }))];
        }

        return grid;
    }

    private static TaskSpec Variant(TaskSpec task, SortedDictionary<string, string> values, Dictionary<string, string?> origins)
    {
        var variant = task.CopyAs(VariantIds.Of(task.Id, values));
        variant.Group = task.Id;
        variant.OutputDirectory = DataPaths.Combine(task.OutputDirectory, VariantIds.Key(values));
        foreach (var (name, value) in values)
        {
            variant.Variant[name] = value;
        }

        string Rewrite(string text) => Template.Render(Template.Parse(text).Select(part =>
            part.Kind == TemplatePartKind.Output && VariantIds.SplitReference(part.Value) is var (upstream, output) && origins.GetValueOrDefault(upstream) is not null
                ? part with { Value = $"{VariantIds.Of(upstream, values)}.{output}" }
                : part));

        Replace(variant.Command, Rewrite);
        Replace(variant.Arguments, Rewrite);
        foreach (var name in variant.Environment.Keys.ToList())
        {
            variant.Environment[name] = Rewrite(variant.Environment[name]);
        }

        return variant;
    }

    /// <summary>Each argument holding <c>${Task[*].output}</c> becomes one argument per variant of Task (in a copy: definitions are compiled again and again).</summary>
    private static TaskSpec WithJoinedArguments(TaskSpec task, Dictionary<string, string?> origins, Dictionary<string, List<SortedDictionary<string, string>>> grids)
    {
        if (!task.Arguments.Any(argument => argument.Contains(VariantIds.Every, StringComparison.Ordinal)))
        {
            return task;
        }

        var arguments = new List<string>();
        foreach (var argument in task.Arguments)
        {
            var parts = SafeParse(argument);
            var every = parts?.Where(part => part.Kind == TemplatePartKind.Output && part.Value.Contains(VariantIds.Every, StringComparison.Ordinal)).ToList();
            if (parts is null || every is not { Count: > 0 })
            {
                arguments.Add(argument);
                continue;
            }

            var swept = VariantIds.Base(every[0].Value);
            if (origins.GetValueOrDefault(swept) is not { } origin || !grids.TryGetValue(origin, out var grid))
            {
                arguments.Add(argument);
                continue;
            }

            arguments.AddRange(grid.Select(values => Template.Render(parts.Select(part =>
                part.Kind == TemplatePartKind.Output && part.Value.Contains(VariantIds.Every, StringComparison.Ordinal)
                    ? part with { Value = part.Value.Replace($"{VariantIds.Base(part.Value)}{VariantIds.Every}", VariantIds.Of(VariantIds.Base(part.Value), values), StringComparison.Ordinal) }
                    : part))));
        }

        var joined = task.CopyAs(task.Id);
        joined.Arguments.Clear();
        joined.Arguments.AddRange(arguments);
        return joined;
    }

    private static string Substitute(string value, IReadOnlyDictionary<string, string> parameters) =>
        SafeParse(value) is { } parts
            ? string.Concat(parts.Select(part => part.Kind == TemplatePartKind.Parameter && parameters.TryGetValue(part.Value, out var given) ? given : part.Kind == TemplatePartKind.Literal ? part.Value : string.Empty))
            : value;

    private static IReadOnlyList<TemplatePart>? SafeParse(string text)
    {
        try
        {
            return Template.Parse(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static void Replace(List<string> texts, Func<string, string> rewrite)
    {
        for (var i = 0; i < texts.Count; i++)
        {
            texts[i] = SafeParse(texts[i]) is null ? texts[i] : rewrite(texts[i]);
        }
    }

    private static IEnumerable<(string Task, bool Every)> References(TaskSpec task) =>
        task.Command.Concat(task.Arguments).Concat(task.Environment.Values)
            .Select(SafeParse).OfType<IReadOnlyList<TemplatePart>>().SelectMany(parts => parts)
            .Where(part => part.Kind == TemplatePartKind.Output)
            .Select(part => VariantIds.SplitReference(part.Value)?.Task).OfType<string>()
            .Select(id => (VariantIds.Base(id), id.EndsWith(VariantIds.Every, StringComparison.Ordinal)));
}
