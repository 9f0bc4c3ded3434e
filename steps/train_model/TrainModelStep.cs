using Microsoft.ML;
using WinePipeline.StepKit.Csv;
using WinePipeline.StepKit.Hosting;
using WinePipeline.StepKit.Output;
using WinePipeline.StepKit.Validation;

namespace WinePipeline.Steps.TrainModel;

/// <summary>Fits the random forest on the training features and target and saves it as model.zip.</summary>
public static class TrainModelStep
{
    public const string ModelFile = "model.zip";

    public static int Main(string[] args) => StepHost.RunConsole<TrainModelOptions>("train_model", args, Run);

    public static void Run(TrainModelOptions options, StepContext context)
    {
        var table = FeatureTable.Read(options.InTrainFeaturesCsv, options.InTrainTargetCsv, context.Cancellation);
        context.Log($"read {table.Rows} rows x {table.FeatureNames.Count} features from {options.InTrainFeaturesCsv}");
        FeatureTableChecks.RequireRows(table, options.InTrainFeaturesCsv, options.MinRows, "to train a model");
        FeatureTableChecks.RequireVaryingTarget(table, options.InTrainTargetCsv);

        var ml = new MLContext(RandomForestRegression.Seed);
        var trainingData = ForestInput.ToDataView(ml, table);
        var started = context.Time.GetTimestamp();
        context.Log($"training a random forest of {RandomForestRegression.Options().NumberOfTrees} trees");
        var model = RandomForestRegression.Fit(ml, trainingData);
        FittedForestCheck.RequireNumbers(model, trainingData, options.InTrainFeaturesCsv, table.Rows);
        context.Log($"trained in {context.Time.GetElapsedTime(started).TotalSeconds:F2} s");
        // ML.NET training cannot be interrupted through its public API, so a stop is honoured here.
        context.Cancellation.ThrowIfCancellationRequested();

        using var outputs = new StagedOutputs(options.OutDir);
        ml.Model.Save(model, trainingData.Schema, outputs.Stage(ModelFile));
        outputs.Commit(flag: null);
        context.Log($"wrote {Path.Combine(options.OutDir, ModelFile)}");
    }
}
