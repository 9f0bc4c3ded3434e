using System.Globalization;
using Microsoft.ML;
using WinePipeline.StepKit.Csv;
using WinePipeline.StepKit.Forest;
using WinePipeline.StepKit.Hosting;
using WinePipeline.StepKit.Metrics;
using WinePipeline.StepKit.Output;
using WinePipeline.StepKit.Validation;

namespace WinePipeline.Steps.TrainModel;

/// <summary>Fits the random forest on the training features and target and saves it as model.zip;
/// in validation mode it holds out the last rows, scores them and writes validation.json too.</summary>
public static class TrainModelStep
{
    public const string ModelFile = TrainModelFiles.Model;

    public static int Main(string[] args) => StepHost.RunConsole<TrainModelOptions>("train_model", args, Run);

    public static void Run(TrainModelOptions options, StepContext context)
    {
        var settings = options.ResolveSettings();
        var validationFraction = options.ResolveValidationFraction();
        var table = FeatureTable.Read(options.InTrainFeaturesCsv, options.InTrainTargetCsv, context.Cancellation);
        context.Log($"read {table.Rows} rows x {table.FeatureNames.Count} features from {options.InTrainFeaturesCsv}");
        FeatureTableChecks.RequireRows(table, options.InTrainFeaturesCsv, options.MinRows, "to train a model");
        FeatureTableChecks.RequireVaryingTarget(table, options.InTrainTargetCsv);
        var (training, validation) = validationFraction is { } fraction
            ? ValidationSplit.Of(table, fraction, options.InTrainFeaturesCsv)
            : (table, null);
        if (validation is not null)
        {
            context.Log($"validation mode: training on the first {training.Rows} rows, scoring the last {validation.Rows}");
        }

        var ml = new MLContext(settings.Seed);
        var trainingData = ForestInput.ToDataView(ml, training);
        var started = context.Time.GetTimestamp();
        context.Log($"training a random forest of {settings.Trees} trees ({settings})");
        var model = RandomForestRegression.Fit(ml, trainingData, settings);
        FittedForestCheck.RequireNumbers(model, trainingData, options.InTrainFeaturesCsv, training.Rows);
        var seconds = context.Time.GetElapsedTime(started).TotalSeconds;
        context.Log(string.Create(CultureInfo.InvariantCulture, $"trained in {seconds:F2} s"));
        // ML.NET training cannot be interrupted through its public API, so a stop is honoured here.
        context.Cancellation.ThrowIfCancellationRequested();

        using var outputs = new StagedOutputs(options.OutDir);
        if (validation is not null)
        {
            var scores = ModelMetrics.Compute(validation.Target, ForestInput.Predict(ml, model, validation));
            var report = new ValidationReport(settings, scores, training.Rows, seconds, PeakMemory.ResidentBytes());
            File.WriteAllText(outputs.Stage(TrainModelFiles.Validation), report.ToJson());
            context.Log(string.Create(CultureInfo.InvariantCulture,
                $"validation: mse {scores.Mse:F4}, rmse {scores.Rmse:F4}, mae {scores.Mae:F4}, r2 {scores.R2:F4} on {scores.Rows} rows"));
        }
        else
        {
            // A report left by an earlier validation run would describe another model than this one.
            File.Delete(Path.Combine(options.OutDir, TrainModelFiles.Validation));
        }

        // Staged last, so model.zip (the output the orchestrator checks) appears after the report.
        ml.Model.Save(model, trainingData.Schema, outputs.Stage(ModelFile));
        outputs.Commit(flag: null);
        context.Log($"wrote {Path.Combine(options.OutDir, ModelFile)}");
    }
}
