using System.Text.Json;
using WinePipeline.Steps.EvaluateModel;
using WinePipeline.Steps.Tests.DataSteps;

namespace WinePipeline.Steps.Tests.Pipeline;

public sealed class AllStepsEndToEndTests : IDisposable
{
    private readonly TempFolder _first = new();
    private readonly TempFolder _second = new();

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }

    [Fact]
    public void Eight_steps_on_a_2000_row_sample_give_a_useful_model_and_the_same_metrics_every_run()
    {
        var metrics = RunPipeline(_first);
        var again = RunPipeline(_second);

        Assert.Equal(metrics.GetRawText(), again.GetRawText());
        Assert.InRange(metrics.GetProperty("r2").GetDouble(), 0.3, 0.6);
        Assert.InRange(metrics.GetProperty("rows").GetInt32(), 190, 200); // floor(2000/10) test rows less duplicates
        foreach (var flag in new[] { "interim/.SUCCESS_MakeDatasets", "interim/.SUCCESS_CleanData", "interim/.SUCCESS_ExtractFeatures", "interim/.SUCCESS_TransformData", "interim/.SUCCESS_ImputeData", "output/.SUCCESS_EvaluateModel" })
        {
            Assert.True(File.Exists(_first.PathOf(flag)), $"{flag} missing");
        }

        foreach (var plot in new[] { EvaluateModelStep.PredictionsPlotFile, EvaluateModelStep.ImportancesPlotFile, EvaluateModelStep.PredictedVsActualPlotFile, EvaluateModelStep.ResidualsPlotFile })
        {
            Assert.True(new FileInfo(_first.PathOf($"output/{plot}")).Length > 10_000, $"{plot} is missing or tiny");
        }
    }

    private static JsonElement RunPipeline(TempFolder root)
    {
        var pipeline = new SamplePipeline(root).ExtractFeatures(rows: 2000).ImputeData();
        pipeline.Train("output");
        var evaluation = pipeline.Evaluate();

        var metrics = JsonDocument.Parse(File.ReadAllText(pipeline.Path($"output/{EvaluateModelStep.MetricsFile}"))).RootElement;
        Assert.Contains($"Mean square error of the model is: {metrics.GetProperty("mse").GetDouble():0.00}", evaluation.Out);
        return metrics;
    }
}
