namespace WinePipeline.Steps.DownloadData.Sample;

/// <summary>
/// Names for the rare region_1 values of a province, made from place-name stems and the patterns
/// appellations follow in the country's language ("Cedar Valley", "Côtes de Duras", "Colli di
/// Scansano"), drawn with a generator seeded by the province's name so each run gets the same ones.
/// </summary>
public static class RegionNames
{
    private static readonly Style English = new(
        ["{0} Valley", "{0} Hills", "{0} Mountain", "{0} County", "{0} Highlands", "{0} Ridge", "{0} Bench", "Mount {0}", "{0}"],
        ["Alder", "Bear Creek", "Cedar", "Clear Lake", "Cole Ranch", "Eagle Peak", "Fiddletown", "Hawk", "Lime Kiln",
         "Oak Knoll", "Pine Creek", "Stone", "Willow Creek", "Chalk", "Diamond", "Knights", "Los Olivos", "Arroyo Seco",
         "Chalone", "Edna", "Carmel", "San Lucas", "Ballard", "Yorkville", "Potter", "Benmore", "McDowell", "Ramona",
         "Leona", "Malibu", "Petaluma", "Salado", "Seiad", "Tracy", "Wild Horse", "Yadkin", "Texoma", "Fennville",
         "Ozark", "Shawnee", "Umpqua", "Applegate", "Rogue", "Ancient Lakes", "Naches", "Rattlesnake", "Royal Slope",
         "Wahluke", "Candy", "Snipes", "Cienega", "Sonoita", "Willcox", "Mesilla", "Grand", "Lodi", "Clements",
         "Jahant", "Borden", "Mokelumne", "Sloughhouse", "Dunnigan", "Capay", "Suisun", "Solano", "Covelo", "Redwood",
         "Tehachapi", "Cucamonga", "Temecula", "Palomar", "Sand Hill", "Black Butte", "Adelaida", "Creston", "Estrella",
         "Geneseo", "Templeton", "Huasna", "Orcutt", "Lompoc", "Cuyama", "Saratoga", "Pajaro", "Gabilan", "Kelsey",
         "Hopland", "Ukiah", "Sanel", "Talmage", "Cobb", "Tolay", "Bennett", "Sebastopol", "Occidental", "Annapolis"]);

    private static readonly Style French = new(
        ["Côtes de {0}", "{0}", "Coteaux de {0}", "{0}-Villages", "Pays de {0}", "Crémant de {0}", "Clos de {0}"],
        ["Bourg", "Blaye", "Castillon", "Fronsac", "Lalande", "Listrac", "Moulis", "Graves", "Loupiac", "Cadillac",
         "Barsac", "Duras", "Buzet", "Fronton", "Gaillac", "Irouléguy", "Jurançon", "Béarn", "Tursan", "Limoux",
         "Malepère", "Cabardès", "Faugères", "Fitou", "La Clape", "Ventoux", "Luberon", "Vacqueyras", "Gigondas",
         "Rasteau", "Cairanne", "Lirac", "Tavel", "Vinsobres", "Die", "Grignan", "Cornas", "Condrieu", "Brouilly",
         "Chénas", "Chiroubles", "Fleurie", "Juliénas", "Régnié", "Montagny", "Rully", "Mercurey", "Givry", "Bouzeron",
         "Santenay", "Maranges", "Auxey", "Monthélie", "Volnay", "Savigny", "Chorey", "Pernand", "Ladoix", "Aloxe",
         "Fixin", "Marsannay", "Morey", "Chambolle", "Vosne", "Nuits", "Irancy", "Épineuil", "Tonnerre", "Quincy",
         "Reuilly", "Menetou", "Savennières", "Saumur", "Bourgueil", "Montlouis", "Jasnières", "Cheverny", "Valençay",
         "Bandol", "Cassis", "Bellet", "Palette", "Collioure", "Banyuls", "Maury", "Corbières", "Boutenac", "Cahors"]);

    private static readonly Style Italian = new(
        ["{0}", "Colli di {0}", "Rosso di {0}", "Terre di {0}", "{0} Superiore", "Monte {0}", "{0} Classico"],
        ["Montalcino", "Scansano", "Carmignano", "Cortona", "Orvieto", "Montefalco", "Torgiano", "Frascati",
         "Cerveteri", "Matelica", "Jesi", "Conero", "Piceno", "Offida", "Vulture", "Cirò", "Salice", "Manduria",
         "Lizzano", "Alcamo", "Vittoria", "Menfi", "Marsala", "Faro", "Dogliani", "Diano", "Ghemme", "Gattinara",
         "Lessona", "Bramaterra", "Carema", "Ovada", "Nizza", "Monferrato", "Valtellina", "Franciacorta", "Lugana",
         "Bardolino", "Custoza", "Breganze", "Piave", "Lison", "Isonzo", "Carso", "Caldaro", "Cilento", "Sannio",
         "Taburno", "Irpinia", "Avellino", "Tufo", "Ischia", "Capri", "Vesuvio", "Montecucco", "Maremma", "Suvereto",
         "Val di Cornia", "Pomino", "Rufina", "Colline Pisane", "Montespertoli", "Chianti", "Valdarno", "Casteggio",
         "Oltrepò", "Gambellara", "Lessini", "Valpantena", "Soave", "Valdobbiadene", "Asolo", "Collio", "Buttrio"]);

    private static readonly Style Spanish = new(
        ["{0}", "Campo de {0}", "Ribera del {0}", "Vino de la Tierra de {0}", "Valle de {0}", "Sierra de {0}"],
        ["Borja", "Calatayud", "Cariñena", "Somontano", "Costers", "Empordà", "Terra Alta", "Conca", "Pla de Bages",
         "Alella", "Tarragona", "Utiel-Requena", "Valencia", "Almansa", "Manchuela", "Méntrida", "Uclés", "Valdepeñas",
         "Ribeiro", "Ribeira Sacra", "Valdeorras", "Monterrei", "Arlanza", "Cigales", "Arribes", "León", "Getaria",
         "Jerez", "Montilla", "Málaga", "Condado", "Bullas", "Binissalem", "Lanzarote", "Tacoronte", "Abona", "Toro",
         "Duero", "Júcar", "Guadiana", "Ebro", "Jalón", "Sil", "Miño", "Arlanzón", "Cafayate", "Tupungato", "Maipú",
         "Agrelo", "Perdriel", "Vistalba", "Gualtallary", "Altamira", "Tunuyán", "Tulum", "Zonda", "Famatina",
         "Chilecito", "Pedernal", "Calingasta", "Molinos", "Colomé", "Cachi", "Angastaco", "Medrano", "Barrancas"]);

    private static readonly Dictionary<string, Style> StyleOfCountry = new(StringComparer.Ordinal)
    {
        ["US"] = English,
        ["Australia"] = English,
        ["Canada"] = English,
        ["France"] = French,
        ["Italy"] = Italian,
        ["Spain"] = Spanish,
        ["Argentina"] = Spanish,
    };

    /// <summary>Whether the country's rows have region_1 values at all (as in the real data).</summary>
    public static bool HasRegions(string country) => StyleOfCountry.ContainsKey(country);

    /// <summary>Up to <paramref name="count"/> new region names for <paramref name="province"/>, each
    /// added to <paramref name="taken"/> so that no two provinces of a country share one.</summary>
    public static List<string> Rare(string country, string province, int count, HashSet<string> taken)
    {
        var style = StyleOfCountry[country];
        var random = new SampleRandom(ExactMath.NameHash(province));
        var names = new List<string>(count);
        for (var attempt = 0; names.Count < count && attempt < count * 20; attempt++)
        {
            var name = string.Format(System.Globalization.CultureInfo.InvariantCulture, random.Pick(style.Patterns), random.Pick(style.Stems));
            if (taken.Add(name))
            {
                names.Add(name);
            }
        }

        return names;
    }

    private sealed record Style(string[] Patterns, string[] Stems);
}
