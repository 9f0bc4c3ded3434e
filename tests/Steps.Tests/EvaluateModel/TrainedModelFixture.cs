using WinePipeline.Steps.Tests.DataSteps;
using WinePipeline.Steps.Tests.TrainModel;
using WinePipeline.Steps.TrainModel;

namespace WinePipeline.Steps.Tests.EvaluateModel;

/// <summary>A model trained once, with train_model itself, on 600 synthetic wines, and a 200-wine test set.</summary>
public sealed class TrainedModelFixture : IDisposable
{
    private readonly TempFolder _folder = new();

    public TrainedModelFixture()
    {
        (TestFeatures, TestTarget) = SyntheticWines.Write(_folder, "test", rows: 200, seed: 11);
        ModelPath = Train(_folder, seed: 10);
    }

    public string ModelPath { get; }

    public string TestFeatures { get; }

    public string TestTarget { get; }

    /// <summary>Trains on 600 synthetic wines written into <paramref name="folder"/>; returns the model's path.</summary>
    public static string Train(TempFolder folder, int seed)
    {
        var (features, target) = SyntheticWines.Write(folder, "train", rows: 600, seed);
        StepRun.Of<TrainModelOptions>("train_model", TrainModelStep.Run,
            "--in-train-features-csv", features, "--in-train-target-csv", target, "--out-dir", folder.OutDir).Succeeded();
        return folder.Output(TrainModelStep.ModelFile);
    }

    public void Dispose() => _folder.Dispose();
}
