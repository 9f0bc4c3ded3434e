using Orchestrator;

namespace WinePipeline;

/// <summary>
/// The wine rating predictor, declared through the orchestrator's public API as any user's pipeline
/// would be: eight steps, each a container image (wine/&lt;step&gt;:&lt;version&gt;) and, for the process
/// executor, the same step published from this checkout with `dotnet publish`.
/// </summary>
public static class Wine
{
    public const string DefaultDatasetUrl = "sample://wine-reviews?rows=10000&seed=42";

    private static readonly string[] SharedCode = ["steps/StepKit/**/*.cs", "steps/StepKit/*.csproj", "steps/Directory.Build.props", "Directory.Build.props", "Directory.Packages.props", "global.json"];

    /// <param name="repositoryRoot">The checkout the steps are published from (and local commands start in).</param>
    public static Orchestrator.Pipeline Define(string repositoryRoot)
    {
        var pipeline = new PipelineBuilder("wine").BaseDirectory(repositoryRoot);
        var datasetUrl = pipeline.Parameter("dataset-url", DefaultDatasetUrl, "DATASET_URL", "Where DownloadData fetches the raw CSV (http(s), file, path or sample://).");
        var version = pipeline.Parameter("image-version", "0.1", "PIPELINE_VERSION", "The tag of the step images.");
        var prefix = pipeline.Parameter("image-prefix", "wine", "IMAGE_PREFIX", "The repository prefix of the step images.");

        TaskBuilder Step(string id, string step, string outputDirectory) =>
            pipeline.Task(id)
                .Image($"{prefix}/{step.Replace('_', '-')}:{version}")
                .Command("dotnet", $"artifacts/publish/{step}/{step}.dll")
                .Code([$"steps/{step}/**/*.cs", $"steps/{step}/*.csproj", .. SharedCode])
                .Build($"artifacts/publish/{step}/{step}.dll", "dotnet", "publish", $"steps/{step}", "-c", "Release", "-o", $"artifacts/publish/{step}", "--nologo")
                .OutputDirectory(outputDirectory);

        TaskBuilder Flagged(string id, string step, string outputDirectory, params object[] arguments) =>
            Step(id, step, outputDirectory).CompleteWhen(Completion.Flag).Args([.. arguments, "--out-dir", Out.Directory, "--flag", $".SUCCESS_{id}"]);

        var download = Step("DownloadData", "download_data", "raw").NeedsNetwork()
            .Args("--name", "wine_dataset", "--url", datasetUrl, "--out-dir", Out.Directory)
            .Output("dataset", "wine_dataset.csv");
        var split = Flagged("MakeDatasets", "make_dataset", "interim", "--in-csv", download.Ref("dataset"))
            .Output("train", "train.csv").Output("test", "test.csv");
        var clean = Flagged("CleanData", "clean_data", "interim", "--in-train-csv", split.Ref("train"), "--in-test-csv", split.Ref("test"))
            .Output("train", "train_cleaned.csv").Output("test", "test_cleaned.csv");
        var features = Flagged("ExtractFeatures", "extract_features", "interim", "--in-train-csv", clean.Ref("train"), "--in-test-csv", clean.Ref("test"))
            .Output("train", "train_features_extracted.csv").Output("test", "test_features_extracted.csv");
        var transform = Flagged("TransformData", "transform_data", "interim", "--in-train-csv", features.Ref("train"), "--in-test-csv", features.Ref("test"))
            .Output("train", "train_transformed.csv").Output("test", "test_transformed.csv");
        var impute = Flagged("ImputeData", "impute_data", "interim", "--in-train-csv", transform.Ref("train"), "--in-test-csv", transform.Ref("test"))
            .Output("train-features", "train_features.csv").Output("test-features", "test_features.csv")
            .Output("train-target", "train_target.csv").Output("test-target", "test_target.csv");
        var train = Step("TrainModel", "train_model", "output")
            .Args("--in-train-features-csv", impute.Ref("train-features"), "--in-train-target-csv", impute.Ref("train-target"), "--out-dir", Out.Directory)
            .Output("model", "model.zip");
        var evaluate = Flagged("EvaluateModel", "evaluate_model", "output",
                "--in-test-features-csv", impute.Ref("test-features"), "--in-test-target-csv", impute.Ref("test-target"), "--in-trained-model", train.Ref("model"))
            .Output("predictions-vs-actuals", "PredictionsVSActuals.png").Output("feature-importances", "FeatureImportances.png").Output("metrics", "metrics.json")
            .Output("predicted-vs-actual", "PredictedVsActual.png").Output("residuals", "Residuals.png");

        // The experiment: a grid of forests, each trained on the first 90% of the training rows and scored on
        // the last 10% (the test set is never used to choose), the best retrained on all of them and evaluated.
        var trees = pipeline.Parameter("experiment-trees", "50,100,200", description: "The tree counts the Experiment sweeps.");
        var leaves = pipeline.Parameter("experiment-leaves", "250,500,1000", description: "The leaf counts the Experiment sweeps.");
        var variant = Step("TrainVariant", "train_model", "output/experiments").Matrix("trees", trees).Matrix("leaves", leaves)
            .Args("--in-train-features-csv", impute.Ref("train-features"), "--in-train-target-csv", impute.Ref("train-target"),
                "--validation-fraction", "0.1", "--trees", "${trees}", "--leaves", "${leaves}", "--out-dir", Out.Directory)
            .Resources(cpus: 1, memory: "1g")
            .Output("model", "model.zip").Output("validation", "validation.json");
        var select = Flagged("SelectModel", "select_model", "output/experiments", "--in-variant", variant.Ref("validation").All).Join()
            .Output("results", "results.csv").Output("results-json", "results.json").Output("comparison", "Comparison.png").Output("chosen", "chosen.json");
        var chosen = Step("TrainChosen", "train_model", "output/experiments")
            .Args("--in-train-features-csv", impute.Ref("train-features"), "--in-train-target-csv", impute.Ref("train-target"), "--params-file", select.Ref("chosen"), "--out-dir", Out.Directory)
            .Output("model", "model.zip");
        Flagged("Experiment", "evaluate_model", "output/experiments",
                "--in-test-features-csv", impute.Ref("test-features"), "--in-test-target-csv", impute.Ref("test-target"), "--in-trained-model", chosen.Ref("model"))
            .Output("predictions-vs-actuals", "PredictionsVSActuals.png").Output("feature-importances", "FeatureImportances.png").Output("metrics", "metrics.json")
            .Output("predicted-vs-actual", "PredictedVsActual.png").Output("residuals", "Residuals.png");

        return pipeline
            .DefaultTarget(evaluate.Id)
            .Report("Wine rating predictor", evaluate.Ref("metrics"), ["mse", "r2"], [evaluate.Ref("predictions-vs-actuals"), evaluate.Ref("feature-importances"), evaluate.Ref("predicted-vs-actual"), evaluate.Ref("residuals")])
            .SweepReport(variant.Ref("validation"), "validation.mse", [select.Ref("comparison")])
            .Build();
    }
}
