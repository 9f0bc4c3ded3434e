using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using WinePipeline.StepKit;
using WinePipeline.StepKit.Csv;
using WinePipeline.Steps.TrainModel;

namespace WinePipeline.Steps.EvaluateModel;

/// <summary>The random forest saved by train_model, loaded back for scoring and inspection.</summary>
public sealed class TrainedForest
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly FastForestRegressionModelParameters _forest;

    private TrainedForest(MLContext ml, ITransformer model, FastForestRegressionModelParameters forest)
    {
        _ml = ml;
        _model = model;
        _forest = forest;
    }

    /// <summary>Loads a model file; a missing file, or one that is not a FastForest regression
    /// model, is an input error naming the file.</summary>
    public static TrainedForest Load(string path)
    {
        if (!File.Exists(path))
        {
            throw InvalidInputException.FileNotFound(path);
        }

        var ml = new MLContext();
        ITransformer model;
        DataViewSchema inputSchema;
        try
        {
            model = ml.Model.Load(path, out inputSchema);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A damaged file surfaces as any of zip, format, end-of-stream or reflection-wrapped
            // errors from deep inside ML.NET; all mean the same to the user.
            throw InvalidInputException.Invalid(path, $"not a model written by train_model ({FirstLine(e.GetBaseException().Message)})");
        }

        if (model is not RegressionPredictionTransformer<FastForestRegressionModelParameters> { Model: { } forest })
        {
            throw InvalidInputException.Invalid(path, $"holds a {model.GetType().Name}, not the random forest train_model writes");
        }

        if (inputSchema.GetColumnOrNull(nameof(ForestInput.Features))?.Type is not VectorDataViewType { Size: var size } || size != WineColumns.Features.Count)
        {
            throw InvalidInputException.Invalid(path, $"was trained on other inputs than the {WineColumns.Features.Count} feature columns");
        }

        return new TrainedForest(ml, model, forest);
    }

    public float[] Predict(FeatureTable table) => ForestInput.Predict(_ml, _model, table);

    /// <summary>
    /// The forest's gain-based importances (the total split gain each feature earned across all
    /// trees), normalised to sum to 1 like scikit-learn's feature_importances_ (mean decrease in
    /// impurity), so the two pipelines' charts can be compared.
    /// </summary>
    public IReadOnlyList<FeatureImportance> FeatureImportances(IReadOnlyList<string> featureNames)
    {
        var weights = default(VBuffer<float>);
        _forest.GetFeatureWeights(ref weights);
        var gains = weights.DenseValues().Select(w => (double)w).ToArray();
        var total = gains.Sum();
        return featureNames
            .Select((name, i) => new FeatureImportance(name, total > 0 ? gains[i] / total : 0))
            .ToArray();
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}

/// <summary>One feature's share of the forest's total split gain.</summary>
public readonly record struct FeatureImportance(string Feature, double Importance);
