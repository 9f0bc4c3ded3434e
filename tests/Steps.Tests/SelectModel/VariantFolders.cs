using WinePipeline.StepKit.Forest;
using WinePipeline.StepKit.Metrics;

namespace WinePipeline.Steps.Tests.SelectModel;

/// <summary>Variant folders as train_model --validation-fraction leaves them: a validation.json with
/// the scores a test needs (to set up ties) and a real model.zip beside it.</summary>
public sealed class VariantFolders(string root, string modelPath)
{
    public string Write(string id, double mse, double seconds, int trees = 100)
    {
        var folder = Path.Combine(root, id);
        Directory.CreateDirectory(folder);
        var scores = new ModelMetrics(mse, Math.Sqrt(mse), mse / 2, 1 - (mse / 9), 90);
        var report = new ValidationReport(ForestSettings.Default with { Trees = trees }, scores, 810, seconds, 150L << 20);
        File.WriteAllText(Path.Combine(folder, TrainModelFiles.Validation), report.ToJson());
        File.Copy(modelPath, Path.Combine(folder, TrainModelFiles.Model));
        return folder;
    }
}
