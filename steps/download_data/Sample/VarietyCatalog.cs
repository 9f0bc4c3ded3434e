namespace WinePipeline.Steps.DownloadData.Sample;

/// <summary>The varieties of the synthetic data, including the blends and the 'Xarel-lo' exception
/// that extract_features's is_blend rule cares about.</summary>
public static class VarietyCatalog
{
    private static readonly Dictionary<string, Variety> ByName = new Variety[]
    {
        new("Pinot Noir", WineStyle.Red, 0.6, 0.35),
        new("Cabernet Sauvignon", WineStyle.Red, 0.4, 0.35),
        new("Red Blend", WineStyle.Red, -0.2, 0.0),
        new("Bordeaux-style Red Blend", WineStyle.Red, 0.8, 0.4),
        new("Rhône-style Red Blend", WineStyle.Red, 0.3, 0.1),
        new("Cabernet Sauvignon-Merlot", WineStyle.Red, -0.3, -0.1),
        new("Shiraz-Viognier", WineStyle.Red, 0.2, 0.0),
        new("Tempranillo Blend", WineStyle.Red, -0.5, -0.1),
        new("Syrah", WineStyle.Red, 0.5, 0.1),
        new("Shiraz", WineStyle.Red, 0.0, -0.05),
        new("Merlot", WineStyle.Red, -0.6, -0.1),
        new("Zinfandel", WineStyle.Red, -0.1, -0.05),
        new("Malbec", WineStyle.Red, -0.3, -0.1),
        new("Bonarda", WineStyle.Red, -0.9, -0.5),
        new("Sangiovese", WineStyle.Red, -0.1, 0.0),
        new("Sangiovese Grosso", WineStyle.Red, 1.0, 0.6),
        new("Nebbiolo", WineStyle.Red, 1.3, 0.6),
        new("Barbera", WineStyle.Red, -0.4, -0.2),
        new("Corvina, Rondinella, Molinara", WineStyle.Red, 0.6, 0.5),
        new("Aglianico", WineStyle.Red, 0.3, 0.1),
        new("Nero d'Avola", WineStyle.Red, -0.8, -0.3),
        new("Primitivo", WineStyle.Red, -0.5, -0.3),
        new("Tempranillo", WineStyle.Red, -0.4, -0.05),
        new("Garnacha", WineStyle.Red, -0.5, -0.3),
        new("Grenache", WineStyle.Red, 0.0, 0.0),
        new("Monastrell", WineStyle.Red, -0.7, -0.4),
        new("Cabernet Franc", WineStyle.Red, 0.0, 0.05),
        new("Petite Sirah", WineStyle.Red, 0.0, 0.0),
        new("Gamay", WineStyle.Red, -0.5, -0.4),
        new("Carmenère", WineStyle.Red, -0.8, -0.3),
        new("Touriga Nacional", WineStyle.Red, 0.2, 0.0),
        new("Portuguese Red", WineStyle.Red, -0.3, -0.4),
        new("Pinotage", WineStyle.Red, -0.7, -0.3),
        new("Blaufränkisch", WineStyle.Red, 0.3, 0.0),
        new("Zweigelt", WineStyle.Red, -0.2, -0.3),
        new("Tannat", WineStyle.Red, -0.4, -0.2),
        new("Agiorgitiko", WineStyle.Red, -0.4, -0.3),
        new("Xinomavro", WineStyle.Red, 0.1, -0.1),
        new("Chardonnay", WineStyle.White, -0.1, 0.05),
        new("Sauvignon Blanc", WineStyle.White, -0.6, -0.3),
        new("Riesling", WineStyle.White, 0.9, -0.1),
        new("White Blend", WineStyle.White, -0.5, -0.2),
        new("Bordeaux-style White Blend", WineStyle.White, 0.3, 0.1),
        new("Rhône-style White Blend", WineStyle.White, 0.2, 0.0),
        new("Pinot Gris", WineStyle.White, -0.6, -0.3),
        new("Pinot Grigio", WineStyle.White, -1.2, -0.5),
        new("Pinot Blanc", WineStyle.White, -0.4, -0.3),
        new("Grüner Veltliner", WineStyle.White, 0.7, -0.1),
        new("Gewürztraminer", WineStyle.White, 0.2, -0.2),
        new("Viognier", WineStyle.White, -0.4, -0.1),
        new("Chenin Blanc", WineStyle.White, -0.3, -0.3),
        new("Albariño", WineStyle.White, -0.3, -0.2),
        new("Alvarinho", WineStyle.White, -0.3, -0.3),
        new("Verdejo", WineStyle.White, -1.0, -0.6),
        new("Xarel-lo", WineStyle.White, -0.6, -0.4),
        new("Vermentino", WineStyle.White, -0.6, -0.3),
        new("Garganega", WineStyle.White, -0.6, -0.4),
        new("Torrontés", WineStyle.White, -1.2, -0.6),
        new("Portuguese White", WineStyle.White, -0.5, -0.5),
        new("Assyrtiko", WineStyle.White, 0.2, -0.1),
        new("Furmint", WineStyle.White, 0.5, 0.0),
        new("Melon", WineStyle.White, -0.6, -0.5),
        new("Rosé", WineStyle.Rose, -1.0, -0.4),
        new("Champagne Blend", WineStyle.Sparkling, 0.9, 0.8),
        new("Sparkling Blend", WineStyle.Sparkling, -0.2, 0.0),
        new("Glera", WineStyle.Sparkling, -1.4, -0.6),
        new("Port", WineStyle.Fortified, 0.9, 0.5),
        new("Tokaji", WineStyle.Fortified, 1.2, 0.6),
    }.ToDictionary(v => v.Name, StringComparer.Ordinal);

    public static bool Contains(string name) => ByName.ContainsKey(name);

    /// <summary>A weighted set of varieties from the notation "Pinot Noir:3|Chardonnay"; a name
    /// may also be one of the <see cref="RareVarietyCatalog"/>.</summary>
    public static Weighted<Variety> Parse(string text) =>
        new(WeightedText.Entries(text).Select(e => (ByName.TryGetValue(e.Name, out var common) ? common : RareVarietyCatalog.ByName[e.Name], e.Weight)));
}
