namespace WinePipeline.Steps.DownloadData.Sample;

/// <summary>
/// The rare provinces of the big countries (real names), and the share of a country's rows they
/// take together: the real data has some 240 provinces in 10,000 rows, most of them seen a few times.
/// </summary>
public static class RareProvinceCatalog
{
    private static readonly Dictionary<string, (string Names, double Share)> ByCountry = new(StringComparer.Ordinal)
    {
        ["US"] = ("Michigan|Texas|New Mexico|Pennsylvania|Colorado|Arizona|North Carolina|Missouri|Ohio|New Jersey|" +
                  "Massachusetts|Vermont|Connecticut|Iowa|Kentucky|Nevada|Washington-Oregon|America|Illinois|Maryland|" +
                  "Rhode Island|Hawaii|Tennessee|Minnesota", 0.04),
        ["France"] = ("Beaujolais|France Other|Jura|Savoie|Corsica", 0.03),
        ["Italy"] = ("Central Italy|Lombardy|Italy Other|Northwestern Italy", 0.04),
        ["Spain"] = ("Andalucia|Galicia|Spain Other|Spanish Islands", 0.05),
        ["Portugal"] = ("Tejo|Península de Setúbal|Alentejo|Beira Interior|Minho|Madeira|Algarve|Palmela|Beiras|" +
                        "Duriense|Terras do Dão|Távora-Varosa|Trás-os-Montes|Setúbal|Bucelas|Colares", 0.15),
        ["Chile"] = ("Aconcagua Valley|Bío Bío Valley|Cachapoal Valley|Curicó Valley|Elqui Valley|Itata Valley|" +
                     "Limarí Valley|Malleco|Rapel Valley|San Antonio|Lontué Valley|Cauquenes Valley|Chile|Marchigue|" +
                     "Peumo|Apalta|Lolol Valley|Zapallar|Buin|Alto Maipo", 0.25),
        ["Austria"] = ("Thermenregion|Südsteiermark|Wagram|Traisental|Weinviertel|Wien|Neusiedlersee|Steiermark|" +
                       "Leithaberg|Eisenberg|Mittelburgenland|Südburgenland|Österreichischer Sekt|Weinland Österreich", 0.25),
        ["Germany"] = ("Nahe|Baden|Franken|Württemberg|Mittelrhein|Ahr|Saale-Unstrut|Sachsen|Hessische Bergstrasse", 0.15),
        ["Australia"] = ("Australia Other|Tasmania|South Eastern Australia|Queensland", 0.06),
        ["New Zealand"] = ("Gisborne|Nelson|Waipara|Wairarapa|Canterbury|Auckland|Waiheke Island|Waitaki Valley|" +
                           "New Zealand|Kumeu|North Canterbury", 0.3),
        ["South Africa"] = ("Paarl|Constantia|Elgin|Walker Bay|Coastal Region|Durbanville|Robertson|Simonsberg-Paarl|" +
                            "Darling|Hemel en Aarde|Wellington|Breede River Valley|Olifants River|Cape South Coast|Elim|" +
                            "Tulbagh|Bot River|Polkadraai Hills|Piekenierskloof|Citrusdal Mountain", 0.4),
        ["Israel"] = ("Samson|Negev Hills|Upper Galilee|Golan Heights|Jerusalem Hills|Israel", 0.3),
        ["Greece"] = ("Peloponnese|Crete|Attica|Rapsani|Amyndeon|Florina|Halkidiki|Epanomi|Mantinia|Thessaly|" +
                      "Cephalonia|Patras|Markopoulo|Atalanti Valley|Sterea Ellada|Rhodes|Goumenissa|Thraki|Drama", 0.6),
        ["Hungary"] = ("Villány|Balaton|Kunság|Szekszárd|Etyek-Buda|Tokaj|Sopron|Mátra|Badacsony|Somló", 0.5),
        ["Uruguay"] = ("Juanico|Maldonado|San Jose|Progreso|Uruguay|Atlantida|Colonia|Garzón|Rivera|Cerro Chapeu", 0.5),
    };

    /// <summary>The country's rare provinces and their joint share of its rows; none for most small countries.</summary>
    public static (IReadOnlyList<string> Names, double Share) For(string country) =>
        ByCountry.TryGetValue(country, out var rare) ? (rare.Names.Split('|'), rare.Share) : ([], 0.0);
}
