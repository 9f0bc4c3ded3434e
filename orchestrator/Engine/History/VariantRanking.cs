namespace Orchestrator.History;

/// <summary>A variant with the numbers its metrics JSON holds (nested names joined with dots).</summary>
internal sealed record RankedVariant(VariantRecord Variant, IReadOnlyDictionary<string, double> Metrics)
{
    public double? Value(string? metric) => metric is not null && Metrics.TryGetValue(metric, out var value) ? value : null;
}

/// <summary>
/// A sweep's variants best first, as the pipeline's report declares: those that succeeded before the
/// rest, then by the ranking metric, lowest first, ties to the faster. The first is the one chosen.
/// </summary>
internal static class VariantRanking
{
    public static IReadOnlyList<RankedVariant> Rank(IEnumerable<VariantRecord> variants, string? metric) =>
        variants.Select(variant => new RankedVariant(variant, RunMetrics.Parse(variant.Metrics)))
            .OrderBy(ranked => ranked.Variant.Outcome == "succeeded" ? 0 : 1)
            .ThenBy(ranked => ranked.Value(metric) ?? double.MaxValue)
            .ThenBy(ranked => ranked.Variant.Seconds ?? double.MaxValue)
            .ToList();

    /// <summary>The swept parameters' names, in order.</summary>
    public static IReadOnlyList<string> ParameterNames(IEnumerable<VariantRecord> variants) =>
        variants.SelectMany(variant => variant.Parameters.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>Every number the variants recorded, the ranking metric first.</summary>
    public static IReadOnlyList<string> MetricNames(IEnumerable<RankedVariant> ranked, string? metric) =>
        ranked.SelectMany(variant => variant.Metrics.Keys).Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(name => name.Equals(metric, StringComparison.OrdinalIgnoreCase) ? 0 : 1).ThenBy(name => name, StringComparer.Ordinal).ToList();

    /// <summary>The variant the ranking chooses: the first, when it succeeded and has the metric.</summary>
    public static RankedVariant? Chosen(IReadOnlyList<RankedVariant> ranked, string? metric) =>
        ranked.FirstOrDefault() is { Variant.Outcome: "succeeded" } best && best.Value(metric) is not null ? best : null;
}
