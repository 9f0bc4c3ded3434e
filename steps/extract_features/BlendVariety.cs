namespace WinePipeline.Steps.ExtractFeatures;

/// <summary>Whether a grape variety is a blend.</summary>
public static class BlendVariety
{
    // Xarel-lo is a single Catalan grape whose name happens to contain a hyphen.
    private const string HyphenatedSingleGrape = "Xarel-lo";

    public static bool IsBlend(string? variety) =>
        variety is not null
        && variety != HyphenatedSingleGrape
        && (variety.Contains('-') || variety.Contains("Blend", StringComparison.Ordinal));
}
