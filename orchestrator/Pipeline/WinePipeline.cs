using WinePipeline.Orchestrator.Graph;
using static WinePipeline.Orchestrator.Execution.ContainerPaths;

namespace WinePipeline.Orchestrator.Pipeline;

/// <summary>The wine rating predictor: eight tasks resolved backwards from EvaluateModel.</summary>
public static class WinePipeline
{
    public const string DefaultTarget = "EvaluateModel";

    private const string Raw = $"{DataRoot}/raw";
    private const string Interim = $"{DataRoot}/interim";
    private const string Output = $"{DataRoot}/output";

    public static IReadOnlyList<TaskDefinition> Tasks(PipelineParameters parameters)
    {
        var builder = new Builder(parameters);
        return
        [
            builder.Task("DownloadData", "download_data", [], TaskOutput.File("raw/wine_dataset.csv"), needsNetwork: true,
                "--name", "wine_dataset", "--url", parameters.DatasetUrl, "--out-dir", Raw),
            builder.Flagged("MakeDatasets", "make_dataset", "interim", ["DownloadData"], ["train.csv", "test.csv"],
                "--in-csv", $"{Raw}/wine_dataset.csv", "--out-dir", Interim),
            builder.Flagged("CleanData", "clean_data", "interim", ["MakeDatasets"], ["train_cleaned.csv", "test_cleaned.csv"],
                TrainTest("train.csv", "test.csv")),
            builder.Flagged("ExtractFeatures", "extract_features", "interim", ["CleanData"], ["train_features_extracted.csv", "test_features_extracted.csv"],
                TrainTest("train_cleaned.csv", "test_cleaned.csv")),
            builder.Flagged("TransformData", "transform_data", "interim", ["ExtractFeatures"], ["train_transformed.csv", "test_transformed.csv"],
                TrainTest("train_features_extracted.csv", "test_features_extracted.csv")),
            builder.Flagged("ImputeData", "impute_data", "interim", ["TransformData"],
                ["train_features.csv", "test_features.csv", "train_target.csv", "test_target.csv"],
                TrainTest("train_transformed.csv", "test_transformed.csv")),
            builder.Task("TrainModel", "train_model", ["ImputeData"], TaskOutput.File("output/model.zip"), needsNetwork: false,
                "--in-train-features-csv", $"{Interim}/train_features.csv", "--in-train-target-csv", $"{Interim}/train_target.csv",
                "--out-dir", Output),
            builder.Flagged("EvaluateModel", "evaluate_model", "output", ["ImputeData", "TrainModel"], ["PredictionsVSActuals.png", "FeatureImportances.png", "metrics.json"],
                "--in-test-features-csv", $"{Interim}/test_features.csv", "--in-test-target-csv", $"{Interim}/test_target.csv",
                "--in-trained-model", $"{Output}/model.zip", "--out-dir", Output),
        ];
    }

    private static string[] TrainTest(string train, string test) =>
        ["--in-train-csv", $"{Interim}/{train}", "--in-test-csv", $"{Interim}/{test}", "--out-dir", Interim];

    private sealed class Builder(PipelineParameters parameters)
    {
        public TaskDefinition Task(string id, string step, string[] dependsOn, TaskOutput output, bool needsNetwork, params string[] arguments)
        {
            var taskParameters = new Dictionary<string, string> { ["image-version"] = parameters.ImageVersion };
            if (needsNetwork)
            {
                taskParameters["dataset-url"] = parameters.DatasetUrl;
            }

            return new TaskDefinition(id, dependsOn, [output], taskParameters, step, parameters.ImageOf(step), arguments, needsNetwork)
            {
                Inputs = InputsOf(arguments),
            };
        }

        /// <summary>A task whose completion is its .SUCCESS_&lt;Task&gt; flag inside its --out-dir.</summary>
        /// <param name="produces">The data files the step writes into <paramref name="outDir"/>.</param>
        public TaskDefinition Flagged(string id, string step, string outDir, string[] dependsOn, string[] produces, params string[] arguments)
        {
            var flag = $".SUCCESS_{id}";
            return Task(id, step, dependsOn, TaskOutput.Flag($"{outDir}/{flag}"), needsNetwork: false, [.. arguments, "--flag", flag]) with
            {
                Produces = [.. produces.Select(file => $"{outDir}/{file}")],
            };
        }

        // Every --in-* option names a file the step reads; the argument list is the single source of truth for inputs.
        private static string[] InputsOf(string[] arguments) =>
        [
            .. arguments.Zip(arguments.Skip(1))
                .Where(pair => pair.First.StartsWith("--in-", StringComparison.Ordinal) && pair.Second.StartsWith($"{DataRoot}/", StringComparison.Ordinal))
                .Select(pair => pair.Second[(DataRoot.Length + 1)..]),
        ];
    }
}
