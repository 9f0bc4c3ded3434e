using Orchestrator.Execution;
using Orchestrator.Graph;
using Orchestrator.Tests.Support;
using WinePipeline;

namespace Orchestrator.Tests.Definition;

public class WinePipelineTests
{
    private static readonly Pipeline Defined = WineDefinition.Pipeline;

    private static readonly TaskGraph Graph = Defined.Resolve(new Dictionary<string, string>
    {
        ["dataset-url"] = "sample://x",
        ["image-version"] = "0.7",
        ["image-prefix"] = "acme",
    });

    [Fact]
    public void Eight_tasks_in_dependency_order_with_EvaluateModel_needing_ImputeData_and_TrainModel()
    {
        Assert.Equal(
            ["DownloadData", "MakeDatasets", "CleanData", "ExtractFeatures", "TransformData", "ImputeData", "TrainModel", "EvaluateModel"],
            Graph.UpstreamOf(["EvaluateModel"]).Select(task => task.Id));
        Assert.Equal(["ImputeData", "TrainModel"], Graph.Get("EvaluateModel").DependsOn);
        Assert.Equal("EvaluateModel", Defined.DefaultTarget);
    }

    [Theory]
    [InlineData("DownloadData", "raw/wine_dataset.csv")]
    [InlineData("MakeDatasets", "interim/.SUCCESS_MakeDatasets")]
    [InlineData("ImputeData", "interim/.SUCCESS_ImputeData")]
    [InlineData("TrainModel", "output/model.zip")]
    [InlineData("EvaluateModel", "output/.SUCCESS_EvaluateModel")]
    public void Completion_is_the_single_output_file_or_the_flag(string task, string output)
    {
        Assert.Equal([output], Graph.Get(task).Outputs.Select(o => o.Path));
    }

    [Fact]
    public void Images_follow_prefix_step_version_and_only_DownloadData_needs_network()
    {
        Assert.Equal("acme/train-model:0.7", Graph.Get("TrainModel").Image);
        Assert.Equal("acme/download-data:0.7", Graph.Get("DownloadData").Image);
        Assert.Equal(["DownloadData"], Graph.Tasks.Where(task => task.NeedsNetwork).Select(task => task.Id));
    }

    [Fact]
    public void Arguments_render_under_the_container_data_root_with_out_as_the_tasks_staging_folder()
    {
        Assert.Equal(
            ["--name", "wine_dataset", "--url", "sample://x", "--out-dir", "/usr/share/data/.orchestrator/staging/DownloadData"],
            Rendered("DownloadData"));
        Assert.Equal(
            ["--in-train-csv", "/usr/share/data/interim/train_cleaned.csv", "--in-test-csv", "/usr/share/data/interim/test_cleaned.csv",
             "--out-dir", "/usr/share/data/.orchestrator/staging/ExtractFeatures", "--flag", ".SUCCESS_ExtractFeatures"],
            Rendered("ExtractFeatures"));
        Assert.Equal(
            ["--in-test-features-csv", "/usr/share/data/interim/test_features.csv", "--in-test-target-csv", "/usr/share/data/interim/test_target.csv",
             "--in-trained-model", "/usr/share/data/output/model.zip", "--out-dir", "/usr/share/data/.orchestrator/staging/EvaluateModel", "--flag", ".SUCCESS_EvaluateModel"],
            Rendered("EvaluateModel"));
    }

    [Fact]
    public void Inputs_are_the_upstream_outputs_its_arguments_name()
    {
        Assert.Equal(["interim/test_features.csv", "interim/test_target.csv", "output/model.zip"], Graph.Get("EvaluateModel").Inputs);
        Assert.Equal(["output/PredictionsVSActuals.png", "output/FeatureImportances.png", "output/metrics.json", "output/PredictedVsActual.png", "output/Residuals.png"], Graph.Get("EvaluateModel").Produces);
    }

    [Fact]
    public void Each_task_runs_locally_as_its_published_step_built_from_its_own_and_the_shared_code()
    {
        var train = Graph.Get("TrainModel");

        var invocation = TaskInvocation.Of(train, "run-1", 0, "/data");

        Assert.Equal(["dotnet", "artifacts/publish/train_model/train_model.dll"], invocation.Command);
        Assert.Equal("/data/.orchestrator/staging/TrainModel", invocation.Arguments[^1]);
        Assert.Equal(SourceTree.RepositoryRoot, invocation.WorkingDirectory);
        Assert.Equal(Path.Combine(SourceTree.RepositoryRoot, "artifacts", "publish", "train_model", "train_model.dll"), train.Code!.BuildOutput);
        Assert.Contains("steps/train_model/**/*.cs", train.Code.Globs);
        Assert.Contains("steps/StepKit/**/*.cs", train.Code.Globs);
    }

    [Fact]
    public void Parameters_have_their_defaults_and_environment_variables_and_each_task_records_only_those_it_uses()
    {
        var defaults = Defined.Resolve(Defined.Defaults());

        Assert.Equal("wine/train-model:0.1", defaults.Get("TrainModel").Image);
        Assert.Equal(Wine.DefaultDatasetUrl, defaults.Get("DownloadData").Parameters["dataset-url"]);
        Assert.Equal(["dataset-url", "image-prefix", "image-version"], defaults.Get("DownloadData").Parameters.Keys.Order());
        Assert.Equal(["image-prefix", "image-version"], defaults.Get("TrainModel").Parameters.Keys.Order());
    }

    [Fact]
    public void Report_records_the_evaluation_metrics_with_mse_and_r2_as_columns_and_both_plots()
    {
        Assert.Equal("Wine rating predictor", Defined.Report.Title);
        Assert.Equal(new OutputRef("EvaluateModel", "metrics"), Defined.Report.Metrics);
        Assert.Equal(["mse", "r2"], Defined.Report.Columns);
        Assert.Equal(["predictions-vs-actuals", "feature-importances", "predicted-vs-actual", "residuals"], Defined.Report.Plots.Select(plot => plot.Name));
    }

    private static IEnumerable<string> Rendered(string taskId) =>
        TaskInvocation.Of(Graph.Get(taskId), "run-1", 0, ContainerPaths.DataRoot).Arguments;
}
