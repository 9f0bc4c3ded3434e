using Orchestrator.Tests.Support;

namespace Orchestrator.Tests.EndToEnd;

[Collection(ProcessPipelineCollection.Name)]
[Trait("Category", "EndToEnd")]
public class ProcessExecutorEndToEndTests(ProcessPipelineFixture pipeline)
{
    [Fact]
    public void Full_run_of_the_real_steps_runs_all_eight_tasks_and_writes_the_model_and_metrics()
    {
        Assert.True(pipeline.FirstRun.ExitCode == 0, pipeline.FirstRun.ToString());
        Assert.Equal("summary: 8 ran, 0 already complete, 0 failed", pipeline.FirstRun.LastLine);
        Assert.True(File.Exists(Path.Combine(pipeline.DataRoot, "output", "model.zip")));
        Assert.True(File.Exists(Path.Combine(pipeline.DataRoot, "output", "metrics.json")));
        Assert.True(File.Exists(Path.Combine(pipeline.DataRoot, "output", ".SUCCESS_EvaluateModel")));
    }

    [Fact]
    public async Task Rerun_after_a_full_run_runs_nothing()
    {
        var rerun = await pipeline.RunAsync();

        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Equal("summary: 0 ran, 8 already complete, 0 failed", rerun.LastLine);
    }

    [Fact]
    public async Task Rerun_after_model_deleted_runs_only_Train_and_Evaluate()
    {
        File.Delete(Path.Combine(pipeline.DataRoot, "output", "model.zip"));

        var rerun = await pipeline.RunAsync();

        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        var started = rerun.OutLines.Where(line => line.StartsWith("==> ", StringComparison.Ordinal)).Select(line => line.Split(' ')[1]);
        Assert.Equal(["TrainModel", "EvaluateModel"], started);
        Assert.Equal("summary: 2 ran, 6 already complete, 0 failed", rerun.LastLine);
    }
}
