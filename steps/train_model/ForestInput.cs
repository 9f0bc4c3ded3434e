using Microsoft.ML;
using Microsoft.ML.Data;
using WinePipeline.StepKit.Csv;

namespace WinePipeline.Steps.TrainModel;

/// <summary>
/// The row shape the forest is trained on and applied to: a feature vector and the points label,
/// under ML.NET's default column names. evaluate_model compiles this same file, so both steps
/// build the schema the saved model expects.
/// </summary>
internal sealed class ForestInput
{
    public float[] Features { get; set; } = [];

    public float Label { get; set; }

    public static IDataView ToDataView(MLContext ml, FeatureTable table)
    {
        var schema = SchemaDefinition.Create(typeof(ForestInput));
        schema[nameof(Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, table.FeatureNames.Count);
        var rows = table.Features.Select((features, row) => new ForestInput { Features = features, Label = table.Target[row] });
        return ml.Data.LoadFromEnumerable(rows, schema);
    }

    /// <summary>The points a trained model predicts for each row of <paramref name="table"/>.</summary>
    public static float[] Predict(MLContext ml, ITransformer model, FeatureTable table) =>
        model.Transform(ToDataView(ml, table)).GetColumn<float>("Score").ToArray();
}
