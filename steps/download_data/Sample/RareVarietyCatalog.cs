namespace WinePipeline.Steps.DownloadData.Sample;

/// <summary>
/// The rare varieties of the real data's long tail: local grapes, and two-grape blends written
/// "Grape-Grape" (which extract_features counts as blends). Each gets a fixed points and price
/// effect from its name, so a forest can learn a variety only from the rows it has seen.
/// </summary>
public static class RareVarietyCatalog
{
    private const ulong ShuffleSeed = 0x7261726576617269; // "rarevari": fixes the tail's order once

    private static readonly string[] RedGrapes =
    [
        "Alicante Bouschet", "Aragonês", "Baga", "Bobal", "Carignan", "Cinsault", "Counoise", "Dolcetto", "Frappato",
        "Freisa", "Grignolino", "Lagrein", "Lambrusco", "Mencía", "Montepulciano", "Mourvèdre", "Negroamaro",
        "Nerello Mascalese", "Petit Verdot", "Pinot Meunier", "Prieto Picudo", "Refosco", "Sagrantino", "Schiava",
        "St. Laurent", "Teroldego", "Tinta de Toro", "Tinta Roriz", "Tinto Fino", "Touriga Franca", "Trousseau",
        "Valdiguié", "Dornfelder", "Lemberger", "Mavrud", "Melnik", "Fetească Neagră", "Rara Neagra", "Saperavi",
        "Plavac Mali", "Teran", "Prokupac", "Vranec", "Öküzgözü", "Boğazkere", "Kalecik Karasi", "Maratheftiko",
        "Areni", "Kangoun", "Blatina", "Cornalin", "Castelão", "Jaen", "Tinta Barroca", "Tinta Cão", "Trincadeira",
        "Alfrocheiro", "Vinhão", "Graciano", "Mazuelo", "Garnacha Tintorera", "Sousão", "Nero di Troia",
        "Susumaniello", "Gaglioppo", "Piedirosso", "Perricone", "Cesanese", "Ruché", "Pelaverga", "Marzemino",
        "Rondinella", "Croatina", "Uva Rara", "Vespolina", "Ciliegiolo", "Canaiolo", "Colorino", "Pignolo",
        "Schioppettino", "Norton", "Chambourcin", "Marquette", "Baco Noir", "Maréchal Foch", "País", "Cannonau",
        "Bovale", "Monica", "Mandilaria", "Limnio", "Kadarka", "Kékfrankos", "Portugieser", "Zinfandel-Primitivo",
    ];

    private static readonly string[] WhiteGrapes =
    [
        "Albana", "Aligoté", "Arinto", "Arneis", "Auxerrois", "Bacchus", "Bical", "Catarratto", "Carricante",
        "Chasselas", "Coda di Volpe", "Colombard", "Cortese", "Encruzado", "Falanghina", "Fernão Pires", "Fiano",
        "Friulano", "Godello", "Graševina", "Grechetto", "Greco", "Grillo", "Grenache Blanc", "Hondarrabi Zuri",
        "Inzolia", "Kerner", "Loureiro", "Macabeo", "Malvasia", "Malvazija", "Marsanne", "Moscato", "Moschofilero",
        "Muscadelle", "Muscat", "Müller-Thurgau", "Nosiola", "Passerina", "Pecorino", "Petit Manseng",
        "Petite Arvine", "Picpoul", "Rebula", "Ribolla Gialla", "Rkatsiteli", "Robola", "Roussanne", "Savagnin",
        "Scheurebe", "Sémillon", "Silvaner", "Tamjanika", "Trebbiano", "Verdelho", "Verdicchio", "Vernaccia",
        "Viura", "Welschriesling", "Xynisteri", "Žilavka", "Mtsvane", "Fetească Regală", "Fetească Albă",
        "Tămâioasă Românească", "Narince", "Emir", "Zierfandler", "Rotgipfler", "Neuburger", "Roter Veltliner",
        "Gelber Muskateller", "Sauvignon Gris", "Gros Manseng", "Jacquère", "Altesse", "Mauzac", "Ugni Blanc",
        "Clairette", "Bourboulenc", "Rolle", "Vidal Blanc", "Seyval Blanc", "Traminette", "Vignoles", "Albarín",
        "Treixadura", "Doña Blanca", "Malvasia Bianca", "Moscatel", "Palomino", "Hárslevelű", "Juhfark", "Olaszrizling",
    ];

    // The grapes that real two-grape blends are mostly made of, by colour.
    private static readonly string[] BlendingReds =
    [
        "Cabernet Sauvignon", "Merlot", "Syrah", "Shiraz", "Grenache", "Tempranillo", "Malbec", "Cabernet Franc",
        "Petit Verdot", "Mourvèdre", "Sangiovese", "Carignan", "Cinsault", "Garnacha", "Zinfandel", "Petite Sirah",
        "Tannat", "Touriga Nacional", "Pinot Noir",
    ];

    private static readonly string[] BlendingWhites =
    [
        "Chardonnay", "Sauvignon Blanc", "Sémillon", "Viognier", "Roussanne", "Marsanne", "Chenin Blanc", "Riesling",
        "Pinot Gris", "Muscat", "Gewürztraminer",
    ];

    /// <summary>Every rare variety by name, so that a country's catalogue entry may name one.</summary>
    public static IReadOnlyDictionary<string, Variety> ByName { get; } = AllVarieties().ToDictionary(v => v.Name, StringComparer.Ordinal);

    /// <summary>The tail, in a fixed shuffled order (rank 1 is the most frequent).</summary>
    public static IReadOnlyList<Variety> Tail { get; } = LongTail.Shuffled(ByName.Values.OrderBy(v => v.Name, StringComparer.Ordinal), ShuffleSeed);

    private static IEnumerable<Variety> AllVarieties() =>
        RedGrapes.Select(name => Rare(name, WineStyle.Red))
            .Concat(WhiteGrapes.Select(name => Rare(name, WineStyle.White)))
            .Concat(Pairs(BlendingReds).Select(name => Rare(name, WineStyle.Red)))
            .Concat(Pairs(BlendingWhites).Select(name => Rare(name, WineStyle.White)))
            .Where(v => !VarietyCatalog.Contains(v.Name))
            .DistinctBy(v => v.Name, StringComparer.Ordinal);

    private static IEnumerable<string> Pairs(string[] grapes) =>
        grapes.SelectMany(first => grapes.Where(second => second != first).Select(second => $"{first}-{second}"));

    private static Variety Rare(string name, WineStyle style) =>
        new(name, style, ExactMath.NameOffset(name, 1.0), ExactMath.NameOffset($"{name} price", 0.4));
}
