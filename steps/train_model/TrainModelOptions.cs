using System.Globalization;
using CommandLine;
using WinePipeline.StepKit.Forest;
using WinePipeline.StepKit.Options;
using WinePipeline.StepKit;

namespace WinePipeline.Steps.TrainModel;

/// <summary>Command line of train_model: the training features and target, the forest's settings
/// and the validation mode; the model goes to --out-dir.</summary>
public sealed class TrainModelOptions : StepOptions
{
    [Option("in-train-features-csv", Required = true, HelpText = "The training features CSV (the 14 feature columns).")]
    public string InTrainFeaturesCsv { get; set; } = string.Empty;

    [Option("in-train-target-csv", Required = true, HelpText = "The training target CSV (one column, points).")]
    public string InTrainTargetCsv { get; set; } = string.Empty;

    [Option("min-rows", Default = DefaultMinRows, HelpText = "Refuse to train on fewer rows (at least 2).")]
    public int MinRows { get; set; } = DefaultMinRows;

    /// <summary>Below about a hundred rows a forest of deep trees only memorises; the real sample trains on 9,000.</summary>
    public const int DefaultMinRows = 100;

    public override void Validate()
    {
        base.Validate();
        OptionChecks.AtLeast("--min-rows", MinRows, 2);
    }

    [Option("validation-fraction", HelpText = "Train on the first (1 - F) of the rows in file order, score on the last F and write validation.json beside model.zip (0 < F < 1, e.g. 0.1). Without it: train on all rows.")]
    public string? ValidationFraction { get; set; }

    [Option("params-file", HelpText = "JSON file of forest settings (as select_model writes chosen.json); the options below override it.")]
    public string? ParamsFile { get; set; }

    // The settings are read as text so that a malformed value gets the same one-line error as one
    // out of range (ForestSetting.WithOption), rather than the parser's usage page.
    [Option("trees", HelpText = "Number of trees (n_estimators). Default 100.")]
    public string? Trees { get; set; }

    [Option("leaves", HelpText = "Maximum leaves per tree; large means unlimited depth. Default 1000.")]
    public string? Leaves { get; set; }

    [Option("bins", HelpText = "Maximum bins per feature that split points are chosen among. Default 256.")]
    public string? Bins { get; set; }

    [Option("min-per-leaf", HelpText = "Minimum training rows in a leaf (min_samples_leaf). Default 2.")]
    public string? MinPerLeaf { get; set; }

    [Option("bagging-fraction", HelpText = "Share of the rows each tree is trained on (0.632 = a bootstrap sample's distinct rows). Default 0.632.")]
    public string? BaggingFraction { get; set; }

    [Option("feature-fraction-per-split", HelpText = "Share of the features considered at each split (max_features). Default 0.27 (sqrt of 14 features).")]
    public string? FeatureFractionPerSplit { get; set; }

    [Option("seed", HelpText = "Random seed (random_state). Default 42.")]
    public string? Seed { get; set; }

    /// <summary>The settings: the defaults, then the params file, then each setting option given.</summary>
    public ForestSettings ResolveSettings()
    {
        var settings = ParamsFile is null ? ForestSettings.Default : ForestSettingsFile.Read(ParamsFile, ForestSettings.Default);
        (string Name, string? Text)[] given =
        [
            ("trees", Trees), ("leaves", Leaves), ("bins", Bins), ("min-per-leaf", MinPerLeaf),
            ("bagging-fraction", BaggingFraction), ("feature-fraction-per-split", FeatureFractionPerSplit), ("seed", Seed),
        ];
        foreach (var (name, text) in given)
        {
            if (text is not null)
            {
                settings = ForestSettings.All.Single(s => s.Name == name).WithOption(settings, text);
            }
        }

        return settings;
    }

    /// <summary>The share of the rows held out for validation, or null without --validation-fraction.</summary>
    public double? ResolveValidationFraction() =>
        ValidationFraction switch
        {
            null => null,
            var text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var fraction) && fraction is > 0 and < 1 => fraction,
            var text => throw new InvalidInputException($"--validation-fraction must be a number between 0 and 1 (exclusive), e.g. 0.1; got '{text}'"),
        };
}
