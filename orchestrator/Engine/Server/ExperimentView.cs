using Orchestrator.Graph;
using Orchestrator.History;
using Orchestrator.Runs;

namespace Orchestrator.Server;

/// <summary>
/// A run's sweep for the experiments view: every variant with its parameters, outcome, duration and
/// numbers, best first by the metric the pipeline's report ranks by, the chosen one marked, and the
/// plots the report declares as comparing them; and the best variant of each past sweep, for a chart.
/// </summary>
internal static class ExperimentView
{
    public static object Of(RunRecord run, IReadOnlyList<VariantRecord> variants, ReportSpec report, IReadOnlyList<string> plots)
    {
        var metric = report.SweepMetric;
        var ranked = VariantRanking.Rank(variants, metric);
        var chosen = VariantRanking.Chosen(ranked, metric);
        return new
        {
            run = RunSummary.Of(run, report),
            metric,
            parameters = VariantRanking.ParameterNames(variants),
            metrics = VariantRanking.MetricNames(ranked, metric),
            chosen = chosen?.Variant.Task,
            variants = ranked.Select(variant => new
            {
                task = variant.Variant.Task,
                sweep = variant.Variant.Sweep,
                parameters = variant.Variant.Parameters,
                outcome = variant.Variant.Outcome,
                seconds = variant.Variant.Seconds,
                metrics = variant.Metrics,
                chosen = variant == chosen,
            }),
            plots = plots.Select(name => new { name, url = $"/api/runs/{Uri.EscapeDataString(run.Id)}/plots/{Uri.EscapeDataString(name)}" }),
        };
    }

    /// <summary>The runs that ran a sweep, oldest first, each with its chosen variant and that variant's metric.</summary>
    public static object History(IReadOnlyList<(RunRecord Run, IReadOnlyList<VariantRecord> Variants)> sweeps, ReportSpec report)
    {
        var metric = report.SweepMetric;
        return new
        {
            metric,
            runs = sweeps.Reverse().Select(sweep =>
            {
                var chosen = VariantRanking.Chosen(VariantRanking.Rank(sweep.Variants, metric), metric);
                return new
                {
                    id = sweep.Run.Id,
                    started = sweep.Run.Started,
                    outcome = sweep.Run.Outcome.Name(),
                    variants = sweep.Variants.Count,
                    succeeded = sweep.Variants.Count(variant => variant.Outcome == "succeeded"),
                    chosen = chosen?.Variant.Task,
                    value = chosen?.Value(metric),
                };
            }),
        };
    }

    /// <summary>The file names of the report's sweep plots, as the run archives them.</summary>
    public static IReadOnlyList<string> PlotNames(TaskGraph graph, ReportSpec report) =>
        report.SweepPlots
            .Select(plot => graph.Declared.FirstOrDefault(task => task.Id == plot.TaskId)?.NamedOutputs.GetValueOrDefault(plot.Name))
            .OfType<string>().Select(Path.GetFileName).OfType<string>().ToList();
}
