namespace WinePipeline.Steps.DownloadData.Sample;

/// <summary>The keyword groups of extract_features (whole words, in lower
/// case, Capitalised or UPPER case); the generator lets them shift the points.</summary>
[Flags]
public enum KeywordFlags
{
    None = 0,
    Red = 1,
    White = 2,
    Rose = 4,
    Sparkling = 8,
    Dry = 16,
    Sweet = 32,
}
