using Orchestrator.Graph;
using WinePipeline.Pipeline;

namespace Orchestrator.Tests.Pipeline;

public class WinePipelineTests
{
    private static readonly TaskGraph Graph = TaskGraph.Create(Orchestrator.Pipeline.WinePipeline.Tasks(new PipelineParameters("sample://x", "0.7", "acme")));

    [Fact]
    public void Eight_tasks_in_dependency_order_with_EvaluateModel_needing_ImputeData_and_TrainModel()
    {
        Assert.Equal(
            ["DownloadData", "MakeDatasets", "CleanData", "ExtractFeatures", "TransformData", "ImputeData", "TrainModel", "EvaluateModel"],
            Graph.Tasks.Select(task => task.Id));
        Assert.Equal(["ImputeData", "TrainModel"], Graph.Get("EvaluateModel").DependsOn);
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
        Assert.Equal(["DownloadData"], Graph.Tasks.Where(task => task.NeedsNetwork).Select(task => task.Id));
    }

    [Fact]
    public void Commands_use_container_paths_as_in_the_contract()
    {
        Assert.Equal(
            ["--name", "wine_dataset", "--url", "sample://x", "--out-dir", "/usr/share/data/raw"],
            Graph.Get("DownloadData").Arguments);
        Assert.Equal(
            ["--in-train-csv", "/usr/share/data/interim/train_cleaned.csv", "--in-test-csv", "/usr/share/data/interim/test_cleaned.csv",
             "--out-dir", "/usr/share/data/interim", "--flag", ".SUCCESS_ExtractFeatures"],
            Graph.Get("ExtractFeatures").Arguments);
        Assert.Equal(
            ["--in-test-features-csv", "/usr/share/data/interim/test_features.csv", "--in-test-target-csv", "/usr/share/data/interim/test_target.csv",
             "--in-trained-model", "/usr/share/data/output/model.zip", "--out-dir", "/usr/share/data/output", "--flag", ".SUCCESS_EvaluateModel"],
            Graph.Get("EvaluateModel").Arguments);
    }
}
