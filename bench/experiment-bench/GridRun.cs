namespace WinePipeline.Bench.ExperimentBench;

/// <summary>One timed run of the grid: its worker bound, wall seconds, the load average as it began, and the variants' results.</summary>
internal sealed record GridRun(int Workers, double WallSeconds, string LoadAtStart, IReadOnlyList<VariantResult> Variants);
