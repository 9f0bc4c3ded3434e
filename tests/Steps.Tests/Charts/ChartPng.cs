using SkiaSharp;

namespace WinePipeline.Steps.Tests.Charts;

/// <summary>Checks that a chart file is a PNG that decodes, at the size the step draws it, and has
/// something drawn on it (a blank or single-colour image fails).</summary>
public static class ChartPng
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static void AssertValid(string path, int width, int height)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(Signature, bytes[..8]);
        using var bitmap = SKBitmap.Decode(bytes);
        Assert.True(bitmap is not null, $"{path} does not decode as an image");
        Assert.Equal((width, height), (bitmap.Width, bitmap.Height));
        var colours = new HashSet<SKColor>();
        for (var y = 0; y < bitmap.Height; y += 3)
        {
            for (var x = 0; x < bitmap.Width; x += 3)
            {
                colours.Add(bitmap.GetPixel(x, y));
            }
        }

        Assert.True(colours.Count > 20, $"{path} has only {colours.Count} colours: nearly blank");
    }
}
