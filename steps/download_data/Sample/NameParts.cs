namespace WinePipeline.Steps.DownloadData.Sample;

/// <summary>Building blocks of winery names and designations, with the commas, quotes, numbers and
/// accents the real titles have.</summary>
public static class NameParts
{
    public static IReadOnlyList<string> WineryStems { get; } =
    [
        "Montelena", "Beaulieu", "Ridge", "Stag's Leap", "O’Keefe", "Léoville", "Müller", "Peñalolén",
        "Bellevue", "Hawk Crest", "Silver Oak", "La Crema", "Les Cailloux", "Sainte-Anne", "Rocca",
        "San Felice", "Fontodi", "Marqués de Riscal", "Torres", "Dönnhoff", "Grünhaus", "Santa Rita",
        "Cono Sur", "Kendall", "Foley", "Williams Selyem", "Chehalem", "Dr. Loosen", "Fèlsina",
        "Vieux Télégraphe", "Bouchard", "Joseph Drouhin", "Trimbach", "Hugel", "Gaja", "Altesino",
        "Côte d’Or", "Niepoort", "Ramos Pinto", "Catena", "Zuccardi", "Brundlmayer", "Knoll",
        "Henschke", "Yalumba", "Cloudy Bay", "Kanonkop", "Golan Heights", "Gaia", "Mission Hill",
        "Oremus", "Garzón", "Elk Cove", "Bonny Doon", "Quintessa", "Abreu", "Lagier Meredith",
        "Château-Fortin", "Rosé Hill", "McKinley & Sons",
    ];

    /// <summary>Winery names whose number comes before the vintage in a title (so its first
    /// integer is not a year).</summary>
    public static IReadOnlyList<string> NumberedWineries { get; } =
        ["1000 Stories", "14 Hands", "19 Crimes", "337", "90+ Cellars", "8 Vini", "25 Lagunas", "3 Badge"];

    public static Weighted<string> Designations { get; } = WeightedText.Parse(
        "Reserve:8|Estate:5|Estate Grown:2|Old Vine:2|Barrel Select:1|Single Vineyard:1|Riserva:4|Classico:2|" +
        "Crianza:2|Reserva:3|Gran Reserva:1|Vieilles Vignes:2|Grand Cru:1|Premier Cru:1|Brut:3|Extra Brut:1|" +
        "Cuvée Prestige:1|Réserve Spéciale:1|Cuvée \"Les Galets\":1|Vigneto \"Il Poggio\":1|Old Vines, Block 7:1|" +
        "Kabinett:1|Spätlese:1|Trocken:1|Smaragd:1|Late Harvest:1|Signature:2|Limited Release:1|" +
        "Dry:1|Unoaked:1|Rosé of Pinot Noir:1|Les Terrasses:1|Bin 28:1|Clone 667:1|Heritage:1");

    /// <summary>Designations of non-vintage fortified wines; their age comes first in the title.</summary>
    public static IReadOnlyList<string> AgedTawnies { get; } =
        ["10 Year Old Tawny", "20 Year Old Tawny", "30 Year Old Tawny", "5 Puttonyos Aszú"];
}
