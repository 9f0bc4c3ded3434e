using WinePipeline.Steps.ExtractFeatures;

namespace WinePipeline.Steps.Tests.ExtractFeatures;

public sealed class BlendVarietyTests
{
    [Theory]
    [InlineData("Red Blend", true)]
    [InlineData("Bordeaux-style Red Blend", true)]
    [InlineData("Cabernet Sauvignon-Merlot", true)]
    [InlineData("Xarel-lo", false)]
    [InlineData("Pinot Noir", false)]
    [InlineData("blend", false)]
    [InlineData(null, false)]
    public void Blends_have_a_hyphen_or_Blend_except_Xarel_lo(string? variety, bool expected) =>
        Assert.Equal(expected, BlendVariety.IsBlend(variety));
}
