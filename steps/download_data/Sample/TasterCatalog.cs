namespace WinePipeline.Steps.DownloadData.Sample;

/// <summary>The reviewers, as in the real data: several score a point or two above or below the rest,
/// and a few have no Twitter handle.</summary>
public static class TasterCatalog
{
    private static readonly Dictionary<string, Taster> ByName = new Taster[]
    {
        new("Roger Voss", "@vossroger", 0.2),
        new("Michael Schachner", "@wineschach", -1.3),
        new("Kerin O’Keefe", "@kerinokeefe", 0.4),
        new("Virginie Boone", "@vboone", 0.8),
        new("Paul Gregutt", "@paulgwine", 0.6),
        new("Matt Kettmann", "@mattkettmann", 1.6),
        new("Joe Czerwinski", "@JoeCz", 0.1),
        new("Sean P. Sullivan", "@wawinereport", 0.4),
        new("Anna Lee C. Iijima", null, 0.0),
        new("Jim Gordon", "@gordone_cellars", 0.2),
        new("Anne Krebiehl MW", "@AnneInVino", 2.2),
        new("Lauren Buzzeo", "@laurbuzz", -0.7),
        new("Susan Kostrzewa", "@suskostrzewa", -1.8),
        new("Mike DeSimone", "@worldwineguys", 0.7),
        new("Jeff Jenssen", "@worldwineguys", -0.1),
        new("Alexander Peartree", null, -2.6),
        new("Carrie Dykes", null, -2.0),
        new("Fiona Adams", "@bkfiona", -1.5),
        new("Christina Pickard", "@winewchristina", -0.6),
    }.ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>A weighted set of tasters from the notation "Roger Voss:3|Lauren Buzzeo".</summary>
    public static Weighted<Taster> Parse(string text) =>
        new(WeightedText.Entries(text).Select(e => (ByName[e.Name], e.Weight)));
}
