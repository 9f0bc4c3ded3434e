namespace WinePipeline.StepKit.Forest;

/// <summary>The names of train_model's outputs in its --out-dir, which select_model also looks for.</summary>
public static class TrainModelFiles
{
    public const string Model = "model.zip";

    /// <summary>Written only with --validation-fraction (<see cref="ValidationReport"/>).</summary>
    public const string Validation = "validation.json";
}
