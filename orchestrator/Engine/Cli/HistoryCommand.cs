using System.Globalization;
using Orchestrator.History;
using Orchestrator.Runs;

namespace Orchestrator.Cli;

/// <summary>`history`: the runs table, latest first, with the pipeline's report columns; or two runs' metrics and parameters side by side with deltas.</summary>
internal sealed class HistoryCommand(CliEnvironment environment)
{
    private TextWriter Out => environment.Out;

    public int Execute(HistoryOptions options)
    {
        if (options.Limit < 1)
        {
            throw UsageException.OutOfRange("limit", options.Limit, 1);
        }

        var pipeline = environment.PipelineFor(options);
        var history = RunHistory.Open(environment.DataRootOf(options), environment.Error);
        var compare = options.Compare.ToList();
        if (options.Experiment is { } experiment)
        {
            WriteVariants(Find(history, experiment), history.Variants(experiment), pipeline.Report.SweepMetric);
        }
        else if (compare.Count == 2 && history.Run(compare[0]) is null && history.Variant(compare[0]) is { } left && history.Variant(compare[1]) is { } right)
        {
            WriteComparison(AsRun(left), AsRun(right));
        }
        else if (compare.Count == 2)
        {
            WriteComparison(Find(history, compare[0]), Find(history, compare[1]));
        }
        else
        {
            WriteRuns(history.Runs(options.Limit), pipeline.Report.Columns);
        }

        return ExitCodes.Success;
    }

    private static RunRecord Find(RunHistory history, string runId) =>
        history.Run(runId) ?? throw UsageException.ParseError($"no run '{runId}' in the history; `orchestrator history` lists them");

    private void WriteRuns(IReadOnlyList<RunRecord> runs, IReadOnlyList<string> columns)
    {
        if (runs.Count == 0)
        {
            Out.WriteLine("no runs recorded yet");
            return;
        }

        List<string[]> rows =
        [
            ["RUN", "TRIGGER", "STARTED", "DURATION", "OUTCOME", .. columns.Select(column => column.ToUpperInvariant())],
            .. runs.Select(run =>
            {
                var metrics = RunMetrics.Parse(run.Metrics);
                return (string[])[
                    run.Id, run.Trigger, run.Started.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    run.Duration is { } duration ? $"{duration.TotalSeconds:0.0}s" : "-", run.Outcome.Name(),
                    .. columns.Select(column => Number(metrics.TryGetValue(column, out var value) ? value : null))];
            }),
        ];
        TextTable.Write(Out, rows, rightAligned: [3, .. Enumerable.Range(5, columns.Count)]);
    }

    /// <summary>The variants, ranked by <paramref name="metric"/> (lowest first; failed ones last), with every number they recorded.</summary>
    private void WriteVariants(RunRecord run, IReadOnlyList<VariantRecord> variants, string? metric)
    {
        if (variants.Count == 0)
        {
            Out.WriteLine($"run {run.Id} ran no sweep");
            return;
        }

        var ranked = VariantRanking.Rank(variants, metric);
        var names = VariantRanking.ParameterNames(variants);
        var numbers = VariantRanking.MetricNames(ranked, metric);
        List<string[]> rows =
        [
            ["VARIANT", .. names.Select(name => name.ToUpperInvariant()), "OUTCOME", "SECONDS", .. numbers.Select(name => name.ToUpperInvariant())],
            .. ranked.Select(ranked => (string[])[
                ranked.Variant.Task, .. names.Select(name => ranked.Variant.Parameters.GetValueOrDefault(name) ?? "-"), ranked.Variant.Outcome,
                ranked.Variant.Seconds is { } seconds ? seconds.ToString("0.0", CultureInfo.InvariantCulture) : "-",
                .. numbers.Select(name => Number(ranked.Value(name)))]),
        ];
        Out.WriteLine(metric is null ? $"variants of run {run.Id}:" : $"variants of run {run.Id}, best {metric} first:");
        TextTable.Write(Out, rows, rightAligned: [.. Enumerable.Range(names.Count + 2, numbers.Count + 1)]);
    }

    private static RunRecord AsRun(VariantRecord variant) =>
        new($"{variant.RunId}/{variant.Task}", "sweep", default, null, Runs.RunOutcomes.Parse(variant.Outcome), null, variant.Metrics, variant.Parameters);

    private void WriteComparison(RunRecord a, RunRecord b)
    {
        var left = RunMetrics.Parse(a.Metrics);
        var right = RunMetrics.Parse(b.Metrics);
        var names = left.Keys.Union(right.Keys, StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        List<string[]> rows = [["METRIC", a.Id, b.Id, "DELTA"]];
        foreach (var name in names)
        {
            double? before = left.TryGetValue(name, out var l) ? l : null;
            double? after = right.TryGetValue(name, out var r) ? r : null;
            var delta = before is { } x && after is { } y ? (y - x).ToString("+0.####;-0.####;0", CultureInfo.InvariantCulture) : "-";
            rows.Add([name, Number(before), Number(after), delta]);
        }

        foreach (var name in a.Parameters.Keys.Union(b.Parameters.Keys).Order(StringComparer.Ordinal))
        {
            var before = a.Parameters.GetValueOrDefault(name) ?? "-";
            var after = b.Parameters.GetValueOrDefault(name) ?? "-";
            rows.Add([$"-p {name}", before, after, before == after ? "=" : "changed"]);
        }

        if (rows.Count == 1)
        {
            Out.WriteLine($"neither {a.Id} nor {b.Id} recorded metrics or parameters");
            return;
        }

        TextTable.Write(Out, rows, rightAligned: [1, 2, 3]);
    }

    private static string Number(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "-";
}
