namespace WinePipeline.StepKit.Forest;

/// <summary>
/// The settings of the random forest. Each is an option of train_model and a field of the
/// --params-file JSON (<see cref="ForestSettingsFile"/>); train_model's RandomForestRegression maps
/// them onto ML.NET and says which scikit-learn parameter each stands for. Here in StepKit because
/// select_model reads and writes them too.
/// </summary>
public sealed record ForestSettings(
    int Trees,
    int Leaves,
    int Bins,
    int MinPerLeaf,
    double BaggingFraction,
    double FeatureFractionPerSplit,
    int Seed)
{
    /// <summary>The defaults decided on the real 10,000-row sample (PIPELINE_SPEC, TrainModel):
    /// 100 trees reach the real test MSE of 200 in about half the fit time.</summary>
    public static ForestSettings Default { get; } = new(
        Trees: 100,
        Leaves: 1000,
        Bins: 256,
        MinPerLeaf: 2,
        // A bootstrap sample of n rows drawn with replacement holds 1 - (1 - 1/n)^n ≈ 1 - 1/e = 0.632
        // of the distinct rows; ML.NET bags without replacement, so it takes that share of the rows.
        BaggingFraction: 0.632,
        // sqrt(14 features) / 14 = 0.27, scikit-learn's max_features='sqrt'.
        FeatureFractionPerSplit: 0.27,
        Seed: 42);

    /// <summary>Every setting, in the order of the options and of the JSON fields.</summary>
    public static IReadOnlyList<ForestSetting> All { get; } =
    [
        ForestSetting.Integer("trees", 1, 10_000, s => s.Trees, (s, v) => s with { Trees = v }),
        ForestSetting.Integer("leaves", 2, 100_000, s => s.Leaves, (s, v) => s with { Leaves = v }),
        ForestSetting.Integer("bins", 2, 65_536, s => s.Bins, (s, v) => s with { Bins = v }),
        ForestSetting.Integer("min-per-leaf", 1, 1_000_000, s => s.MinPerLeaf, (s, v) => s with { MinPerLeaf = v }),
        ForestSetting.Fraction("bagging-fraction", s => s.BaggingFraction, (s, v) => s with { BaggingFraction = v }),
        ForestSetting.Fraction("feature-fraction-per-split", s => s.FeatureFractionPerSplit, (s, v) => s with { FeatureFractionPerSplit = v }),
        ForestSetting.Integer("seed", 0, int.MaxValue, s => s.Seed, (s, v) => s with { Seed = v }),
    ];

    /// <summary>These settings, if every one is in range; else an input error naming
    /// <paramref name="source"/> and the setting.</summary>
    public ForestSettings Validated(string source) =>
        All.Aggregate(this, (settings, setting) => setting.With(settings, setting.ValueIn(settings), $"{source}: {setting.JsonName}"));

    /// <summary>The settings as one line for the log: "trees=100 leaves=1000 ...".</summary>
    public override string ToString() => string.Join(' ', All.Select(s => $"{s.Name}={s.Format(this)}"));
}
