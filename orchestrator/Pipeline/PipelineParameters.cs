namespace WinePipeline.Orchestrator.Pipeline;

/// <summary>What a pipeline run is configured with.</summary>
/// <param name="DatasetUrl">Where DownloadData fetches the raw CSV (http(s), file or sample:// URL).</param>
/// <param name="ImageVersion">Tag of the step images (PIPELINE_VERSION).</param>
/// <param name="ImagePrefix">Repository prefix of the step images (IMAGE_PREFIX).</param>
public sealed record PipelineParameters(string DatasetUrl, string ImageVersion, string ImagePrefix)
{
    public const string DefaultDatasetUrl = "sample://wine-reviews?rows=10000&seed=42";
    public const string DefaultImageVersion = "0.1";
    public const string DefaultImagePrefix = "wine";

    public static PipelineParameters Default { get; } = new(DefaultDatasetUrl, DefaultImageVersion, DefaultImagePrefix);

    /// <summary>The image of a step: "wine/train-model:0.1" for train_model.</summary>
    public string ImageOf(string step) => $"{ImagePrefix}/{step.Replace('_', '-')}:{ImageVersion}";
}
