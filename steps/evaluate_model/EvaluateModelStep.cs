using System.Globalization;
using WinePipeline.StepKit.Csv;
using WinePipeline.StepKit.Hosting;
using WinePipeline.StepKit.Metrics;
using WinePipeline.StepKit.Output;
using WinePipeline.StepKit.Validation;

namespace WinePipeline.Steps.EvaluateModel;

/// <summary>Scores the trained forest on the test set: metrics.json, the MSE log line and four plots.</summary>
public static class EvaluateModelStep
{
    public const string PredictionsPlotFile = "PredictionsVSActuals.png";
    public const string ImportancesPlotFile = "FeatureImportances.png";
    public const string PredictedVsActualPlotFile = "PredictedVsActual.png";
    public const string ResidualsPlotFile = "Residuals.png";
    public const string MetricsFile = "metrics.json";

    public static int Main(string[] args) => StepHost.RunConsole<EvaluateModelOptions>("evaluate_model", args, Run);

    public static void Run(EvaluateModelOptions options, StepContext context)
    {
        var test = FeatureTable.Read(options.InTestFeaturesCsv, options.InTestTargetCsv, context.Cancellation);
        FeatureTableChecks.RequireRows(test, options.InTestFeaturesCsv, options.MinRows, "to measure the model's error");
        var forest = TrainedForest.Load(options.InTrainedModel);
        context.Log($"scoring {test.Rows} test rows with {options.InTrainedModel}");
        var predicted = forest.Predict(test);
        PredictionCheck.RequireNumbers(predicted, options.InTrainedModel, options.InTestFeaturesCsv);
        var metrics = ModelMetrics.Compute(test.Target, predicted);
        context.Cancellation.ThrowIfCancellationRequested();

        using var outputs = new StagedOutputs(options.OutDir);
        File.WriteAllText(outputs.Stage(MetricsFile), metrics.ToJson());
        PredictionHistograms.Save(outputs.Stage(PredictionsPlotFile), predicted, test.Target);
        FeatureImportanceChart.Save(outputs.Stage(ImportancesPlotFile), forest.FeatureImportances(test.FeatureNames));
        PredictedVsActualChart.Save(outputs.Stage(PredictedVsActualPlotFile), predicted, test.Target, metrics);
        ResidualsChart.Save(outputs.Stage(ResidualsPlotFile), predicted, test.Target, metrics);
        outputs.Commit(options.Flag);

        context.Log(string.Create(CultureInfo.InvariantCulture, $"Mean square error of the model is: {metrics.Mse:F2}"));
    }
}
